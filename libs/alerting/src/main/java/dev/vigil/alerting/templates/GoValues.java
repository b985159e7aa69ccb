package dev.vigil.alerting.templates;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Go values a Prometheus alert template works with, as Java objects: String (string), Long
 * (int), Double (float64), Boolean (bool), a String map (map[string]string), {@link Root} (the data
 * struct), {@link GoTime} (*time.Time) and null (nil or "no value").
 */
final class GoValues {

  /** The struct Prometheus 2.x hands to alert templates as dot. */
  record Root(Map<String, String> labels, Map<String, String> externalLabels, String externalUrl, double value) {
    /** The ExternalURL field: a Go string, so empty when no URL is configured. */
    String urlField() {
      return externalUrl == null ? "" : externalUrl;
    }
  }

  /** A *time.Time (from toTime), printed as Go prints times. */
  record GoTime(Instant instant) {
    @Override
    public String toString() {
      return timeString(instant);
    }
  }

  static final String ROOT_TYPE =
      "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }";

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoValues() {}

  /** The value's Go type as messages name it. */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Map) {
      return "map[string]string";
    }
    if (v instanceof GoTime) {
      return "*time.Time";
    }
    return ROOT_TYPE;
  }

  /** Go's truth for if, with, and, or, not: non-zero, non-empty, non-nil. */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** fmt's %v. */
  static String format(Object v) {
    return GoPrintf.formatValue(v, 'v');
  }

  /** fmt.Sprint: a space between operands when neither is a string. */
  static String sprint(Object... args) {
    StringBuilder out = new StringBuilder();
    boolean previousString = false;
    for (int i = 0; i < args.length; i++) {
      boolean isString = args[i] instanceof String;
      if (i > 0 && !isString && !previousString) {
        out.append(' ');
      }
      out.append(format(args[i]));
      previousString = isString;
    }
    return out.toString();
  }

  /** fmt.Sprintln: spaces between all operands and a newline. */
  static String sprintln(Object... args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(format(args[i]));
    }
    return out.append('\n').toString();
  }

  /** A map's entries in key order, as fmt prints maps. */
  static Map<String, String> sorted(Map<?, ?> map) {
    Map<String, String> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  /** time.Time.String() in UTC: {@code 2015-06-23 13:19:44.128 +0000 UTC}. */
  static String timeString(Instant t) {
    StringBuilder out = new StringBuilder(SECONDS.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
      out.append('.').append(fraction);
    }
    return out.append(" +0000 UTC").toString();
  }
}
