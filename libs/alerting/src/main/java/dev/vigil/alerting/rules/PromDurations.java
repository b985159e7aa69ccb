package dev.vigil.alerting.rules;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Prometheus configuration files write them ({@code 1h30m}, {@code 5m}, {@code 90s},
 * {@code 1d}, {@code 1w}, {@code 1y}, {@code 500ms}): integer amounts, units from largest to smallest,
 * each at most once, a day always 24h and a year 365d. The text {@code 0} means zero. Durations must
 * fit in Go's int64 nanoseconds, as Prometheus's do.
 */
public final class PromDurations {

  private static final Pattern FORMAT =
      Pattern.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] UNIT_MILLIS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
  };
  private static final String[] UNIT_NAMES = {"y", "w", "d", "h", "m", "s", "ms"};
  /** Go's time.Duration is int64 nanoseconds. */
  private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

  private PromDurations() {}

  /**
   * Parses a duration; throws IllegalArgumentException with Prometheus's message ({@code not a valid
   * duration string: "5 m"}, {@code empty duration string}, {@code duration out of range}).
   */
  public static Duration parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a valid duration string: " + quote(text));
    }
    long millis = 0;
    try {
      for (int i = 0; i < UNIT_MILLIS.length; i++) {
        String amount = m.group(i + 1);
        if (amount != null) {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(amount), UNIT_MILLIS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration out of range");
    }
    if (millis > MAX_MILLIS) {
      throw new IllegalArgumentException("duration out of range");
    }
    return Duration.ofMillis(millis);
  }

  /**
   * Formats a duration the way Prometheus prints one: {@code 0s}, {@code 1h30m}, {@code 90d} (years
   * and weeks only when they divide the duration exactly). Below a millisecond is dropped.
   */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    if (ms < 0) {
      out.append('-');
      ms = -ms;
    }
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      boolean exactOnly = i < 2;
      if (exactOnly && ms % UNIT_MILLIS[i] != 0) {
        continue;
      }
      long amount = ms / UNIT_MILLIS[i];
      if (amount > 0) {
        out.append(amount).append(UNIT_NAMES[i]);
        ms -= amount * UNIT_MILLIS[i];
      }
    }
    return out.toString();
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
