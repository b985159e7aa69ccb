package dev.vigil.promql.parser;

/** Prometheus duration literals ({@code 1h30m}, {@code 500ms}, {@code 1y}) in milliseconds. */
public final class Durations {

  private Durations() {}

  static boolean isUnitStart(char c) {
    return c == 'm' || c == 's' || c == 'h' || c == 'd' || c == 'w' || c == 'y';
  }

  /** The duration in milliseconds, or null when the text is not a valid duration. */
  public static Long parseMillis(String text) {
    if (text.isEmpty()) {
      return null;
    }
    long total = 0;
    int i = 0;
    int lastRank = Integer.MAX_VALUE;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        return null;
      }
      long n = Long.parseLong(text.substring(start, i));
      int unitStart = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      String unit = text.substring(unitStart, i);
      long factor;
      int rank;
      switch (unit) {
        case "y" -> { factor = 365L * 24 * 3600 * 1000; rank = 7; }
        case "w" -> { factor = 7L * 24 * 3600 * 1000; rank = 6; }
        case "d" -> { factor = 24L * 3600 * 1000; rank = 5; }
        case "h" -> { factor = 3600L * 1000; rank = 4; }
        case "m" -> { factor = 60L * 1000; rank = 3; }
        case "s" -> { factor = 1000L; rank = 2; }
        case "ms" -> { factor = 1L; rank = 1; }
        default -> {
          return null;
        }
      }
      if (rank >= lastRank) {
        return null;
      }
      lastRank = rank;
      total += n * factor;
    }
    return total;
  }
}
