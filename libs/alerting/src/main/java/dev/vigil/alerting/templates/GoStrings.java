package dev.vigil.alerting.templates;

/** Go's string quoting and unquoting (strconv.Quote, strconv.Unquote), as template messages use them. */
final class GoStrings {

  private GoStrings() {}

  /** strconv.Quote: a double-quoted Go string literal, escaping what Go does not print as is. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendEscaped(out, cp, '"'));
    return out.append('"').toString();
  }

  /** strconv.QuoteRune: a single-quoted Go rune literal. */
  static String quoteRune(int cp) {
    StringBuilder out = new StringBuilder().append('\'');
    appendEscaped(out, cp, '\'');
    return out.append('\'').toString();
  }

  /** A rune as Go's %#U prints it: {@code U+0024 '$'}. */
  static String describeRune(int cp) {
    String hex = String.format("U+%04X", cp);
    return isPrint(cp) ? hex + " '" + new String(Character.toChars(cp)) + "'" : hex;
  }

  private static void appendEscaped(StringBuilder out, int cp, char quote) {
    if (cp == quote || cp == '\\') {
      out.append('\\').appendCodePoint(cp);
      return;
    }
    if (isPrint(cp)) {
      out.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 7 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 11 -> out.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7f) {
          out.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          out.append(String.format("\\u%04x", cp));
        } else {
          out.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /**
   * strconv.Unquote for a template's string token: {@code "..."} with Go escapes or {@code `...`}
   * raw (carriage returns dropped). Throws IllegalArgumentException("invalid syntax").
   */
  static String unquote(String token) {
    if (token.startsWith("`")) {
      return token.substring(1, token.length() - 1).replace("\r", "");
    }
    StringBuilder out = new StringBuilder();
    int end = token.length() - 1;
    int i = 1;
    while (i < end) {
      char c = token.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      i = unescape(token, i, end, '"', out);
    }
    return out.toString();
  }

  /** The code point of a character constant such as {@code 'a'} or {@code '\n'}. */
  static int unquoteChar(String token) {
    StringBuilder out = new StringBuilder();
    int end = token.length() - 1;
    int i = 1;
    if (i < end && token.charAt(i) == '\\') {
      i = unescape(token, i + 1, end, '\'', out);
    } else if (i < end) {
      out.appendCodePoint(token.codePointAt(i));
      i += Character.charCount(token.codePointAt(i));
    }
    if (i != end || out.codePointCount(0, out.length()) != 1) {
      throw new IllegalArgumentException("invalid syntax");
    }
    return out.codePointAt(0);
  }

  private static int unescape(String s, int i, int end, char quote, StringBuilder out) {
    if (i >= end) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char c = s.charAt(i++);
    switch (c) {
      case 'a' -> out.append((char) 7);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append((char) 11);
      case '\\' -> out.append('\\');
      case 'x' -> {
        out.append((char) hex(s, i, 2, end));
        i += 2;
      }
      case 'u' -> {
        out.appendCodePoint(hex(s, i, 4, end));
        i += 4;
      }
      case 'U' -> {
        out.appendCodePoint(hex(s, i, 8, end));
        i += 8;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        if (i + 2 > end) {
          throw new IllegalArgumentException("invalid syntax");
        }
        int v = Integer.parseInt(s.substring(i - 1, i + 2), 8);
        if (v > 255 || !s.substring(i, i + 2).chars().allMatch(d -> d >= '0' && d <= '7')) {
          throw new IllegalArgumentException("invalid syntax");
        }
        out.append((char) v);
        i += 2;
      }
      default -> {
        if (c != quote) {
          throw new IllegalArgumentException("invalid syntax");
        }
        out.append(c);
      }
    }
    return i;
  }

  private static int hex(String s, int i, int digits, int end) {
    if (i + digits > end) {
      throw new IllegalArgumentException("invalid syntax");
    }
    try {
      int v = Integer.parseUnsignedInt(s.substring(i, i + digits), 16);
      if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v < 0xE000 && digits > 2)) {
        throw new IllegalArgumentException("invalid syntax");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid syntax");
    }
  }
}
