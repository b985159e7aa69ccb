package dev.vigil.query.logs.rest;

import dev.vigil.query.rest.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Histogram bucket widths: a given {@code step} (30, 30s, 5m, 1h, 1d) or a round width giving about 60 buckets. */
final class Steps {

  static final long MAX_BUCKETS = 1000;
  private static final Pattern STEP = Pattern.compile("(\\d{1,9})([smhd]?)");
  private static final long[] ROUND =
      {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};

  private Steps() {}

  static long parseOrChoose(String step, long rangeSeconds) {
    if (step == null || step.isBlank()) {
      long ideal = Math.max(1, (rangeSeconds + 59) / 60);
      for (long r : ROUND) {
        if (r >= ideal) {
          return r;
        }
      }
      return ROUND[ROUND.length - 1] * ((ideal + 86399) / 86400);
    }
    Matcher m = STEP.matcher(step.trim());
    if (!m.matches()) {
      throw ApiException.badRequest("step must be seconds or a duration like 30s, 5m, 1h, 1d");
    }
    long seconds =
        Long.parseLong(m.group(1))
            * switch (m.group(2)) {
              case "m" -> 60L;
              case "h" -> 3600L;
              case "d" -> 86400L;
              default -> 1L;
            };
    if (seconds < 1 || rangeSeconds / seconds > MAX_BUCKETS) {
      throw ApiException.badRequest("step must be at least 1 second and give at most " + MAX_BUCKETS + " buckets");
    }
    return seconds;
  }
}
