package dev.vigil.promql.parser;

import java.util.ArrayList;
import java.util.List;

/** Splits a PromQL query into tokens; comments ({@code # ...}) and whitespace are dropped. */
final class Lexer {

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int braceDepth;
  private int bracketDepth;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String query) {
    Lexer lexer = new Lexer(query);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= src.length()) {
        tokens.add(new Token(TokenType.EOF, "", pos));
        return;
      }
      char c = src.charAt(pos);
      int start = pos;
      if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
        lexNumber();
      } else if (isIdentStart(c) || (c == ':' && bracketDepth == 0 && braceDepth == 0)) {
        lexIdentifier();
      } else if (c == '"' || c == '\'' || c == '`') {
        String value = lexString(c);
        tokens.add(new Token(TokenType.STRING, value, start));
      } else {
        lexOperator(c);
      }
    }
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private void lexNumber() {
    int start = pos;
    if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
      pos += 2;
      while (pos < src.length() && isHexDigit(src.charAt(pos))) {
        pos++;
      }
    } else {
      digits();
      if (pos < src.length() && src.charAt(pos) == '.') {
        pos++;
        digits();
      }
      if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
        int save = pos;
        pos++;
        if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
          pos++;
        }
        if (pos < src.length() && isDigit(src.charAt(pos))) {
          digits();
        } else {
          pos = save;
        }
      }
      if (pos < src.length() && Durations.isUnitStart(src.charAt(pos))) {
        lexDurationRest(start);
        return;
      }
    }
    if (pos < src.length() && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '.')) {
      throw new ParseException(
          src, start, "bad number or duration syntax: \"" + src.substring(start, pos + 1) + "\"");
    }
    tokens.add(new Token(TokenType.NUMBER, src.substring(start, pos), start));
  }

  private void lexDurationRest(int start) {
    while (pos < src.length() && (isDigit(src.charAt(pos)) || Durations.isUnitStart(src.charAt(pos)))) {
      pos++;
    }
    String text = src.substring(start, pos);
    if (pos < src.length() && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '.')) {
      throw new ParseException(src, start, "bad number or duration syntax: \"" + text + "\"");
    }
    if (Durations.parseMillis(text) == null) {
      throw new ParseException(src, start, "bad duration syntax: \"" + text + "\"");
    }
    tokens.add(new Token(TokenType.DURATION, text, start));
  }

  private void digits() {
    while (pos < src.length()
        && (isDigit(src.charAt(pos))
            || (src.charAt(pos) == '_'
                && pos + 1 < src.length()
                && isDigit(src.charAt(pos + 1))
                && pos > 0
                && isDigit(src.charAt(pos - 1))))) {
      pos++;
    }
  }

  private void lexIdentifier() {
    int start = pos;
    pos++;
    while (pos < src.length()
        && (isIdentPart(src.charAt(pos)) || (src.charAt(pos) == ':' && braceDepth == 0))) {
      pos++;
    }
    String text = src.substring(start, pos);
    boolean special = text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("nan");
    TokenType type = special && braceDepth == 0 ? TokenType.NUMBER : TokenType.IDENTIFIER;
    tokens.add(new Token(type, text, start));
  }

  private String lexString(char quote) {
    int start = pos;
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw new ParseException(src, start, "unterminated quoted string");
      }
      char c = src.charAt(pos);
      if (c == quote) {
        pos++;
        return out.toString();
      }
      if (quote != '`' && c == '\n') {
        throw new ParseException(src, start, "unterminated quoted string");
      }
      if (c == '\\' && quote != '`') {
        pos = StringEscapes.unescape(src, pos, quote, out);
      } else {
        out.append(c);
        pos++;
      }
    }
  }

  private void lexOperator(char c) {
    int start = pos;
    String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
    TokenType type =
        switch (two) {
          case "=~" -> TokenType.EQL_REGEX;
          case "!~" -> TokenType.NEQ_REGEX;
          case "==" -> TokenType.EQL;
          case "!=" -> TokenType.NEQ;
          case "<=" -> TokenType.LTE;
          case ">=" -> TokenType.GTE;
          default -> null;
        };
    if (type != null) {
      pos += 2;
      tokens.add(new Token(type, two, start));
      return;
    }
    type =
        switch (c) {
          case '(' -> TokenType.LEFT_PAREN;
          case ')' -> TokenType.RIGHT_PAREN;
          case '{' -> TokenType.LEFT_BRACE;
          case '}' -> TokenType.RIGHT_BRACE;
          case '[' -> TokenType.LEFT_BRACKET;
          case ']' -> TokenType.RIGHT_BRACKET;
          case ',' -> TokenType.COMMA;
          case ':' -> TokenType.COLON;
          case '@' -> TokenType.AT;
          case '=' -> TokenType.ASSIGN;
          case '<' -> TokenType.LSS;
          case '>' -> TokenType.GTR;
          case '+' -> TokenType.ADD;
          case '-' -> TokenType.SUB;
          case '*' -> TokenType.MUL;
          case '/' -> TokenType.DIV;
          case '%' -> TokenType.MOD;
          case '^' -> TokenType.POW;
          default -> throw new ParseException(src, start, "unexpected character: '" + c + "'");
        };
    switch (type) {
      case LEFT_BRACE -> braceDepth++;
      case RIGHT_BRACE -> braceDepth = Math.max(0, braceDepth - 1);
      case LEFT_BRACKET -> bracketDepth++;
      case RIGHT_BRACKET -> bracketDepth = Math.max(0, bracketDepth - 1);
      default -> {}
    }
    pos++;
    tokens.add(new Token(type, String.valueOf(c), start));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }
}
