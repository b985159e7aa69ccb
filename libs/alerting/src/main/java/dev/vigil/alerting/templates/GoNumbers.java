package dev.vigil.alerting.templates;

import java.util.regex.Pattern;

/** Number syntax as Go's template lexer and strconv read it. */
final class GoNumbers {

  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
  private static final Pattern INFINITY = Pattern.compile("[+-]?(?i:inf|infinity)");

  private GoNumbers() {}

  /** The end of the number that starts at {@code pos} (Go lexer's scanNumber). */
  static int scan(String s, int pos) {
    int i = accept(s, pos, "+-");
    String digits = "0123456789_";
    int afterZero = accept(s, i, "0");
    if (afterZero > i) {
      i = afterZero;
      if (accept(s, i, "xX") > i) {
        digits = "0123456789abcdefABCDEF_";
        i++;
      } else if (accept(s, i, "oO") > i) {
        digits = "01234567_";
        i++;
      } else if (accept(s, i, "bB") > i) {
        digits = "01_";
        i++;
      }
    }
    i = acceptRun(s, i, digits);
    if (accept(s, i, ".") > i) {
      i = acceptRun(s, i + 1, digits);
    }
    if (digits.length() == 11 && accept(s, i, "eE") > i) {
      i = acceptRun(s, accept(s, i + 1, "+-"), "0123456789_");
    }
    if (digits.length() == 23 && accept(s, i, "pP") > i) {
      i = acceptRun(s, accept(s, i + 1, "+-"), "0123456789_");
    }
    return accept(s, i, "i");
  }

  /**
   * A number constant's value as a Go template passes it to an {@code interface{}} parameter: an int
   * (Long) unless written with a fraction or exponent, then a float64 (Double).
   */
  static Object constant(String text) {
    if (text.endsWith("i")) {
      throw new IllegalArgumentException("complex numbers are not supported: " + GoStrings.quote(text));
    }
    String clean = text.replace("_", "");
    Long integer = parseInteger(clean);
    boolean hexInt = clean.matches("[+-]?0[xX][0-9a-fA-F]+");
    if (integer != null && (hexInt || !clean.matches(".*[.eEpP].*"))) {
      return integer;
    }
    if (DECIMAL_FLOAT.matcher(clean).matches() || HEX_FLOAT.matcher(clean).matches()) {
      if (!clean.matches(".*[.eEpP].*")) {
        throw new IllegalArgumentException("integer overflow: " + GoStrings.quote(text));
      }
      double v = Double.parseDouble(clean);
      if (!Double.isInfinite(v)) {
        return v;
      }
    }
    throw new IllegalArgumentException("illegal number syntax: " + GoStrings.quote(text));
  }

  private static Long parseInteger(String s) {
    boolean negative = s.startsWith("-");
    String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    int radix = 10;
    if (body.matches("0[xX].+")) {
      radix = 16;
      body = body.substring(2);
    } else if (body.matches("0[oO].+")) {
      radix = 8;
      body = body.substring(2);
    } else if (body.matches("0[bB].+")) {
      radix = 2;
      body = body.substring(2);
    } else if (body.matches("0[0-7]+")) {
      radix = 8;
      body = body.substring(1);
    }
    try {
      return Long.parseLong((negative ? "-" : "") + body, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** strconv.ParseFloat(s, 64), throwing with Go's message when s is not a float. */
  static double parseFloat(String s) {
    if (INFINITY.matcher(s).matches()) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (s.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    String clean = s.replace("_", "");
    boolean valid = !s.contains("_") || underscoresBetweenDigits(s);
    if (!valid || (!DECIMAL_FLOAT.matcher(clean).matches() && !HEX_FLOAT.matcher(clean).matches())) {
      throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": invalid syntax");
    }
    double v = Double.parseDouble(clean);
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": value out of range");
    }
    return v;
  }

  /** Go accepts {@code 1_000}: each underscore between two digits. */
  private static boolean underscoresBetweenDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '_' && (i == 0 || i + 1 >= s.length() || !isDigitOrHex(s.charAt(i - 1)) || !isDigitOrHex(s.charAt(i + 1)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigitOrHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static int accept(String s, int i, String valid) {
    return i < s.length() && valid.indexOf(s.charAt(i)) >= 0 ? i + 1 : i;
  }

  private static int acceptRun(String s, int i, String valid) {
    while (i < s.length() && valid.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
