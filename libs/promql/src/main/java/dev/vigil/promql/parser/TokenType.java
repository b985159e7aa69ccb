package dev.vigil.promql.parser;

/** Lexical token kinds; the description is what error messages show. */
enum TokenType {
  IDENTIFIER("identifier"),
  NUMBER("number"),
  DURATION("duration"),
  STRING("string"),
  LEFT_PAREN("\"(\""),
  RIGHT_PAREN("\")\""),
  LEFT_BRACE("\"{\""),
  RIGHT_BRACE("\"}\""),
  LEFT_BRACKET("\"[\""),
  RIGHT_BRACKET("\"]\""),
  COMMA("\",\""),
  COLON("\":\""),
  AT("\"@\""),
  ASSIGN("\"=\""),
  EQL_REGEX("\"=~\""),
  NEQ_REGEX("\"!~\""),
  EQL("\"==\""),
  NEQ("\"!=\""),
  LTE("\"<=\""),
  LSS("\"<\""),
  GTE("\">=\""),
  GTR("\">\""),
  ADD("\"+\""),
  SUB("\"-\""),
  MUL("\"*\""),
  DIV("\"/\""),
  MOD("\"%\""),
  POW("\"^\""),
  EOF("end of input");

  private final String description;

  TokenType(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
