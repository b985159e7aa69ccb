package dev.vigil.promql.parser;

/** One lexical token: its kind, source text and offset in the query. */
record Token(TokenType type, String text, int pos) {

  boolean is(TokenType t) {
    return type == t;
  }

  /** Whether this is an identifier spelling the keyword, ignoring case as Prometheus does. */
  boolean isKeyword(String keyword) {
    return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  String describe() {
    return switch (type) {
      case EOF -> "end of input";
      case IDENTIFIER -> "identifier \"" + text + "\"";
      case NUMBER -> "number \"" + text + "\"";
      case DURATION -> "duration \"" + text + "\"";
      case STRING -> "string " + text;
      default -> type.description();
    };
  }
}
