package dev.vigil.promql.parser;

/** Go-style escape sequences in single- and double-quoted PromQL strings. */
final class StringEscapes {

  private StringEscapes() {}

  /** Appends the escape starting at {@code src[pos] == '\\'} and returns the position after it. */
  static int unescape(String src, int pos, char quote, StringBuilder out) {
    if (pos + 1 >= src.length()) {
      throw new ParseException(src, pos, "unterminated quoted string");
    }
    char e = src.charAt(pos + 1);
    switch (e) {
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case '\\' -> out.append('\\');
      case 'x' -> {
        return appendCode(src, pos, 2, 16, out);
      }
      case 'u' -> {
        return appendCode(src, pos, 4, 16, out);
      }
      case 'U' -> {
        return appendCode(src, pos, 8, 16, out);
      }
      default -> {
        if (e == quote) {
          out.append(e);
        } else if (e >= '0' && e <= '7') {
          return appendCode(src, pos - 1, 3, 8, out);
        } else {
          throw new ParseException(src, pos, "unknown escape sequence '\\" + e + "'");
        }
      }
    }
    return pos + 2;
  }

  private static int appendCode(String src, int pos, int digits, int radix, StringBuilder out) {
    int start = pos + 2;
    int end = start + digits;
    if (end > src.length()) {
      throw new ParseException(src, pos, "invalid escape sequence");
    }
    try {
      int code = Integer.parseInt(src.substring(start, end), radix);
      if ((digits == 2 || digits == 3) && code > 0x7f) {
        out.append('\uFFFD');
      } else if (digits == 2 || digits == 3) {
        out.append((char) code);
      } else {
        out.appendCodePoint(code);
      }
    } catch (IllegalArgumentException e) {
      throw new ParseException(src, pos, "invalid escape sequence");
    }
    return end;
  }
}
