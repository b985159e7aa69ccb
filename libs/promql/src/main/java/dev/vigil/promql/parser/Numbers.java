package dev.vigil.promql.parser;

/** Number literals: decimal, hexadecimal, Inf and NaN, optional digit separators. */
final class Numbers {

  private Numbers() {}

  static double parse(String text) {
    String t = text.replace("_", "");
    if (t.equalsIgnoreCase("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (t.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (t.startsWith("0x") || t.startsWith("0X")) {
      return Long.parseUnsignedLong(t.substring(2), 16);
    }
    return Double.parseDouble(t);
  }
}
