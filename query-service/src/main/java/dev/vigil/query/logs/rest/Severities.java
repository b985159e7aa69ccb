package dev.vigil.query.logs.rest;

import dev.vigil.query.rest.ApiException;
import java.util.Locale;
import java.util.Map;

/** OpenTelemetry severity numbers and the level names the API accepts and shows (trace=1 … fatal=21). */
final class Severities {

  private static final Map<String, Integer> LOWEST =
      Map.of("trace", 1, "debug", 5, "info", 9, "warn", 13, "warning", 13, "error", 17, "fatal", 21);

  private Severities() {}

  /** The lowest severity number of a level name, or a number 1-24; null when absent. */
  static Integer minimum(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    Integer named = LOWEST.get(v);
    if (named != null) {
      return named;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= 24) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("severity must be trace, debug, info, warn, error, fatal or a number 1-24");
  }

  /** The level name of a severity number; "unspecified" for 0. */
  static String level(int number) {
    if (number >= 21) {
      return "fatal";
    } else if (number >= 17) {
      return "error";
    } else if (number >= 13) {
      return "warn";
    } else if (number >= 9) {
      return "info";
    } else if (number >= 5) {
      return "debug";
    }
    return number >= 1 ? "trace" : "unspecified";
  }
}
