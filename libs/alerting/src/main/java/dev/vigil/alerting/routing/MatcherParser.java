package dev.vigil.alerting.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code {a="b", c!="d", e=~"f|g", h!~"i"}}: braces optional, values quoted with {@code "},
 * {@code '} or backticks (Go escapes as in PromQL) or unquoted as Alertmanager's {@code amtool}
 * accepts them ({@code severity=critical}), label names classic or quoted, a trailing comma allowed.
 */
final class MatcherParser {

  private static final String UNQUOTED_STOP = ",{}\"'`";

  /** Longest operators first, so {@code =~} is not read as {@code =} followed by a value. */
  private static final MatchType[] OPERATORS = {
    MatchType.RE, MatchType.NEQ, MatchType.NRE, MatchType.EQ
  };

  private final String src;
  private int pos;

  private MatcherParser(String src) {
    this.src = src;
  }

  static List<LabelMatcher> parse(String src) {
    return new MatcherParser(src).matchers();
  }

  private List<LabelMatcher> matchers() {
    List<LabelMatcher> out = new ArrayList<>();
    skipSpace();
    boolean braced = peek() == '{';
    if (braced) {
      pos++;
    }
    while (true) {
      skipSpace();
      if (atEnd()) {
        if (braced) {
          throw error(pos, "missing closing '}'");
        }
        return out;
      }
      if (peek() == '}') {
        if (!braced) {
          throw error(pos, "unexpected '}' without an opening '{'");
        }
        pos++;
        skipSpace();
        if (!atEnd()) {
          throw error(pos, "unexpected " + found() + " after the closing '}'");
        }
        return out;
      }
      out.add(matcher());
      skipSpace();
      if (!atEnd() && peek() != '}') {
        if (peek() != ',') {
          throw error(pos, "expected ',' or '}' after a matcher, found " + found()
              + " (quote values that contain spaces or {}\"'`)");
        }
        pos++;
      }
    }
  }

  private LabelMatcher matcher() {
    String name = name();
    skipSpace();
    int opAt = pos;
    MatchType type = operator(name);
    skipSpace();
    int valueAt = pos;
    String value = value();
    try {
      return new LabelMatcher(name, type, value);
    } catch (IllegalArgumentException e) {
      throw error(type.regex() ? valueAt : opAt, e.getMessage());
    }
  }

  private String name() {
    int start = pos;
    if (isQuote(peek())) {
      String name = quoted();
      if (name.isEmpty()) {
        throw error(start, "empty label name");
      }
      return name;
    }
    if (atEnd() || !LabelText.isNameStart(peek())) {
      throw error(pos, "expected a label name, found " + found());
    }
    while (!atEnd() && LabelText.isNamePart(peek())) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private MatchType operator(String name) {
    for (MatchType type : OPERATORS) {
      if (src.startsWith(type.operator(), pos)) {
        pos += type.operator().length();
        return type;
      }
    }
    throw error(pos, "expected '=', '!=', '=~' or '!~' after label name " + LabelText.quote(name)
        + ", found " + found());
  }

  private String value() {
    if (isQuote(peek())) {
      return quoted();
    }
    int start = pos;
    while (!atEnd() && !Character.isWhitespace(peek()) && UNQUOTED_STOP.indexOf(peek()) < 0) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private String quoted() {
    int start = pos;
    char quote = src.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error(start, "unterminated quoted string");
      }
      char c = src.charAt(pos);
      if (c == quote) {
        pos++;
        return out.toString();
      }
      if (quote != '`' && c == '\\') {
        escape(quote, out);
      } else if (quote != '`' && c == '\n') {
        throw error(pos, "newline in quoted string");
      } else {
        out.append(c);
        pos++;
      }
    }
  }

  /** A Go escape sequence at {@code pos}, as PromQL strings take them. */
  private void escape(char quote, StringBuilder out) {
    int at = pos;
    if (pos + 1 >= src.length()) {
      throw error(at, "unterminated quoted string");
    }
    char e = src.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case '\\' -> out.append('\\');
      case 'x' -> out.appendCodePoint(code(at, 2, 16));
      case 'u' -> out.appendCodePoint(code(at, 4, 16));
      case 'U' -> out.appendCodePoint(code(at, 8, 16));
      default -> {
        if (e == quote) {
          out.append(e);
        } else if (e >= '0' && e <= '7') {
          pos--;
          out.appendCodePoint(code(at, 3, 8));
        } else {
          throw error(at, "unknown escape sequence '\\" + e + "'");
        }
      }
    }
  }

  private int code(int at, int digits, int radix) {
    if (pos + digits > src.length()) {
      throw error(at, "invalid escape sequence");
    }
    long code = 0;
    for (int i = 0; i < digits; i++) {
      int digit = Character.digit(src.charAt(pos + i), radix);
      if (digit < 0) {
        throw error(at, "invalid escape sequence");
      }
      code = code * radix + digit;
    }
    if (code > Character.MAX_CODE_POINT || radix == 8 && code > 0xff) {
      throw error(at, "invalid escape sequence");
    }
    pos += digits;
    return (int) code;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= src.length();
  }

  private char peek() {
    return atEnd() ? '\0' : src.charAt(pos);
  }

  private String found() {
    return atEnd() ? "end of input" : "'" + peek() + "'";
  }

  private MatcherParseException error(int at, String detail) {
    return new MatcherParseException(src, at, detail);
  }
}
