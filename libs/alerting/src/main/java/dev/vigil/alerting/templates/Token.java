package dev.vigil.alerting.templates;

/** One lexical item of a template, at a character offset and 1-based line of the template text. */
record Token(Type type, String text, int pos, int line) {

  enum Type {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    IDENTIFIER,
    KEYWORD,
    FIELD,
    VARIABLE,
    DOT,
    NIL,
    BOOL,
    NUMBER,
    CHAR_CONSTANT,
    STRING,
    RAW_STRING,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    DECLARE,
    ASSIGN,
    CHAR,
    ERROR,
    EOF
  }

  boolean is(Type t) {
    return type == t;
  }

  boolean isKeyword(String word) {
    return type == Type.KEYWORD && text.equals(word);
  }

  /** How Go's parser names the item in "unexpected ..." messages. */
  String describe() {
    return switch (type) {
      case EOF -> "EOF";
      case ERROR -> text;
      case KEYWORD, DOT, NIL -> "<" + text + ">";
      default -> text.length() > 10 ? GoStrings.quote(text.substring(0, 10)) + "..." : GoStrings.quote(text);
    };
  }
}
