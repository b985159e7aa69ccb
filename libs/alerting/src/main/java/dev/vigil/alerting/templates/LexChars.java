package dev.vigil.alerting.templates;

/** Character classes and scans of Go's template lexer, as pure functions of the input. */
final class LexChars {

  private LexChars() {}

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlphaNumeric(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** {@code {{- }} needs white space after the dash ({@code {{-3}}} is the number -3). */
  static boolean hasLeftTrimMarker(String s, int at) {
    return at + 1 < s.length() && s.charAt(at) == '-' && isSpace(s.charAt(at + 1));
  }

  /** {@code  -}}} needs white space before the dash. */
  static boolean hasRightTrimMarker(String s, int at) {
    return at >= 0 && at + 1 < s.length() && isSpace(s.charAt(at)) && s.charAt(at + 1) == '-';
  }

  /** A right delimiter at {@code at}, with or without a trim marker. */
  static boolean atRightDelim(String s, int at) {
    return s.startsWith("}}", at) || (hasRightTrimMarker(s, at) && s.startsWith("}}", at + 2));
  }

  /** What may follow an identifier, field or variable name. */
  static boolean atTerminator(String s, int pos) {
    if (pos >= s.length()) {
      return true;
    }
    char c = s.charAt(pos);
    return isSpace(c) || ".,|:()".indexOf(c) >= 0 || s.startsWith("}}", pos);
  }

  static int skipAlphaNumeric(String s, int pos) {
    while (pos < s.length() && isAlphaNumeric(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  static int skipSpace(String s, int pos) {
    while (pos < s.length() && isSpace(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /**
   * The end (after the closing quote) of a quoted string or character constant whose opening quote
   * is just before {@code pos}, honouring backslash escapes; -1 when a newline or the end comes first.
   */
  static int endOfQuoted(String s, int pos, char quote) {
    while (pos < s.length() && s.charAt(pos) != '\n') {
      char c = s.charAt(pos++);
      if (c == '\\' && pos < s.length() && s.charAt(pos) != '\n') {
        pos++;
      } else if (c == quote) {
        return pos;
      }
    }
    return -1;
  }

  static String stripTrailingSpace(String text) {
    int end = text.length();
    while (end > 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
