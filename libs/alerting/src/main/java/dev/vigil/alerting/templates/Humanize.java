package dev.vigil.alerting.templates;

import java.time.Instant;

/**
 * Prometheus's humanize template functions, formatting exactly as Prometheus 2.x does (Go's
 * {@code %.4g}): {@code humanize(1234567) = "1.235M"}, {@code humanize(0.0012) = "1.2m"},
 * {@code humanize1024(2048) = "2ki"}, {@code humanizePercentage(0.1234) = "12.34%"},
 * {@code humanizeDuration(90) = "1m 30s"}. Public so that notification texts can format values the
 * same way.
 */
public final class Humanize {

  private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
  private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
  private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

  private Humanize() {}

  /** SI prefixes: 1234567 → 1.235M, 0.0012 → 1.2m. */
  public static String humanize(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    String prefix = "";
    if (Math.abs(v) >= 1) {
      for (String p : BIG) {
        if (Math.abs(v) < 1000) {
          break;
        }
        prefix = p;
        v /= 1000;
      }
      return g4(v) + prefix;
    }
    for (String p : SMALL) {
      if (Math.abs(v) >= 1) {
        break;
      }
      prefix = p;
      v *= 1000;
    }
    return g4(v) + prefix;
  }

  /** Binary prefixes: 2048 → 2ki; values of magnitude 1 or less are not scaled. */
  public static String humanize1024(double v) {
    if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    String prefix = "";
    for (String p : BINARY) {
      if (Math.abs(v) < 1024) {
        break;
      }
      prefix = p;
      v /= 1024;
    }
    return g4(v) + prefix;
  }

  /** Seconds as days, hours, minutes and seconds: 90 → 1m 30s, 0.5 → 500ms. */
  public static String humanizeDuration(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    if (v == 0) {
      return g4(v) + "s";
    }
    if (Math.abs(v) >= 1) {
      String sign = v < 0 ? "-" : "";
      v = Math.abs(v);
      long whole = goInt64(v);
      long seconds = whole % 60;
      long minutes = whole / 60 % 60;
      long hours = whole / 3600 % 24;
      long days = whole / 86400;
      if (days != 0) {
        return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (hours != 0) {
        return sign + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (minutes != 0) {
        return sign + minutes + "m " + seconds + "s";
      }
      return sign + g4(v) + "s";
    }
    String prefix = "";
    for (String p : SMALL) {
      if (Math.abs(v) >= 1) {
        break;
      }
      prefix = p;
      v *= 1000;
    }
    return g4(v) + prefix + "s";
  }

  /** A ratio as a percentage: 0.1234 → 12.34%. */
  public static String humanizePercentage(double v) {
    return g4(v * 100) + "%";
  }

  /**
   * Unix seconds as Go prints a UTC time, to the millisecond as Prometheus keeps it: 1435065584.128 →
   * 2015-06-23 13:19:44.128 +0000 UTC. Throws IllegalArgumentException when the time does not fit
   * in int64 nanoseconds.
   */
  public static String humanizeTimestamp(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    return GoValues.timeString(toInstant(v));
  }

  /** Prometheus's floatToTime: seconds to nanoseconds (truncated), then to model.Time milliseconds. */
  static Instant toInstant(double v) {
    double nanos = v * 1e9;
    if (nanos > Long.MAX_VALUE || nanos < Long.MIN_VALUE) {
      throw new IllegalArgumentException(GoValues.format(v) + " cannot be represented as a nanoseconds timestamp since it overflows int64");
    }
    long millis = (long) nanos / 1_000_000;
    return Instant.ofEpochMilli(millis);
  }

  /** Go's int64(v) on amd64: out-of-range values become math.MinInt64 (Java would saturate). */
  private static long goInt64(double v) {
    return v >= 0x1p63 || v < -0x1p63 ? Long.MIN_VALUE : (long) v;
  }

  private static String g4(double v) {
    return GoFloats.format(v, 'g', 4);
  }
}
