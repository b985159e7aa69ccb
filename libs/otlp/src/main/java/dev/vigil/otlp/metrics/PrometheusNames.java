package dev.vigil.otlp.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenTelemetry → Prometheus names, following Prometheus's own OTLP translation
 * (prometheus/otlptranslator, strategy UnderscoreEscapingWithSuffixes) and the OpenTelemetry
 * specification "Prometheus and OpenMetrics Compatibility". Hand-written because that translator is
 * Go; the unit tables and the token rules below mirror it so that names match what a Prometheus
 * server would store for the same OTLP data.
 */
final class PrometheusNames {

  /** How the translator sees a metric's type when naming it. */
  enum Kind {
    GAUGE,
    MONOTONIC_COUNTER,
    NON_MONOTONIC_COUNTER,
    HISTOGRAM,
    EXPONENTIAL_HISTOGRAM,
    SUMMARY
  }

  private static final Map<String, String> UNITS =
      Map.ofEntries(
          Map.entry("d", "days"),
          Map.entry("h", "hours"),
          Map.entry("min", "minutes"),
          Map.entry("s", "seconds"),
          Map.entry("ms", "milliseconds"),
          Map.entry("us", "microseconds"),
          Map.entry("ns", "nanoseconds"),
          Map.entry("By", "bytes"),
          Map.entry("KiBy", "kibibytes"),
          Map.entry("MiBy", "mebibytes"),
          Map.entry("GiBy", "gibibytes"),
          Map.entry("TiBy", "tibibytes"),
          Map.entry("KBy", "kilobytes"),
          Map.entry("MBy", "megabytes"),
          Map.entry("GBy", "gigabytes"),
          Map.entry("TBy", "terabytes"),
          Map.entry("m", "meters"),
          Map.entry("V", "volts"),
          Map.entry("A", "amperes"),
          Map.entry("J", "joules"),
          Map.entry("W", "watts"),
          Map.entry("g", "grams"),
          Map.entry("Cel", "celsius"),
          Map.entry("Hz", "hertz"),
          Map.entry("1", ""),
          Map.entry("%", "percent"));

  private static final Map<String, String> PER_UNITS =
      Map.of("s", "second", "m", "minute", "h", "hour", "d", "day", "w", "week", "mo", "month", "y", "year");

  private PrometheusNames() {}

  /**
   * The Prometheus metric name: the name split into tokens at every character outside
   * {@code [a-zA-Z0-9:]} (so runs of them become one {@code _}), the unit appended unless already a
   * token, {@code _total} for monotonic counters, {@code _ratio} for gauges of unit "1", an
   * {@code _} before a leading digit. "" when nothing valid remains (the metric is dropped).
   */
  static String metricName(String name, String unit, Kind kind) {
    List<String> tokens = tokens(name);
    String[] units = unitSuffixes(unit);
    String main = cleanUnit(units[0]);
    String per = cleanUnit(units[1]);
    if (tokens.contains(main)) {
      main = "";
    }
    if (per.equals("per_")) {
      per = "";
    } else {
      per = stripTrailingUnderscore(per);
      if (tokens.contains(per)) {
        per = "";
      }
    }
    if (!per.isEmpty()) {
      main = stripTrailingUnderscore(main);
    }
    if (!main.isEmpty()) {
      tokens.add(main);
    }
    if (!per.isEmpty()) {
      tokens.add(per);
    }
    if (kind == Kind.MONOTONIC_COUNTER) {
      tokens.removeIf("total"::equals);
      tokens.add("total");
    }
    if (unit.equals("1") && kind == Kind.GAUGE) {
      tokens.removeIf("ratio"::equals);
      tokens.add("ratio");
    }
    String result = String.join("_", tokens);
    if (!result.isEmpty() && Character.isDigit(result.charAt(0))) {
      result = "_" + result;
    }
    return result.chars().allMatch(c -> c == '_') ? "" : result;
  }

  /**
   * The Prometheus label name of an attribute key: characters outside {@code [a-zA-Z0-9]} replaced
   * by {@code _}, runs collapsed, {@code key_} before a leading digit, {@code key} before a single
   * leading underscore, {@code __reserved__} names kept. "" when nothing valid remains.
   */
  static String labelName(String key) {
    boolean reserved = key.length() >= 4 && key.startsWith("__") && key.endsWith("__");
    String inner = reserved ? key.substring(2, key.length() - 2) : key;
    StringBuilder out = new StringBuilder(inner.length());
    boolean previousUnderscore = false;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (isAlphanumeric(c)) {
        out.append(c);
        previousUnderscore = false;
      } else if (!previousUnderscore) {
        out.append('_');
        previousUnderscore = true;
      }
    }
    String name = reserved ? "__" + out + "__" : out.toString();
    if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
      return "";
    }
    if (Character.isDigit(name.charAt(0))) {
      return "key_" + name;
    }
    if (name.startsWith("_") && !name.startsWith("__")) {
      return "key" + name;
    }
    return name;
  }

  /**
   * A bucket bound or quantile as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} writes it (what
   * the Prometheus translator puts in {@code le} and {@code quantile}): plain decimal, no exponent,
   * no trailing zeros; {@code +Inf}, {@code -Inf}, {@code NaN}.
   */
  static String formatFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= name.length(); i++) {
      boolean valid = i < name.length() && isMetricChar(name.charAt(i));
      if (valid && start < 0) {
        start = i;
      } else if (!valid && start >= 0) {
        tokens.add(name.substring(start, i));
        start = -1;
      }
    }
    return tokens;
  }

  /** [main, per] unit suffixes before clean-up; {@code {annotations}} yield none. */
  private static String[] unitSuffixes(String unit) {
    String[] parts = unit.split("/", 2);
    String main = parts[0].strip();
    String mainSuffix = main.isEmpty() || hasBraces(main) ? "" : UNITS.getOrDefault(main, main);
    String perSuffix = "";
    if (parts.length > 1) {
      String per = parts[1].strip();
      if (!per.isEmpty() && !hasBraces(per)) {
        perSuffix = "per_" + PER_UNITS.getOrDefault(per, per);
      }
    }
    return new String[] {mainSuffix, perSuffix};
  }

  private static String cleanUnit(String unit) {
    StringBuilder out = new StringBuilder(unit.length());
    for (int i = 0; i < unit.length(); i++) {
      char c = isMetricChar(unit.charAt(i)) ? unit.charAt(i) : '_';
      if (c != '_' || out.length() == 0 || out.charAt(out.length() - 1) != '_') {
        out.append(c);
      }
    }
    return out.length() > 0 && out.charAt(0) == '_' ? out.substring(1) : out.toString();
  }

  private static String stripTrailingUnderscore(String s) {
    return s.endsWith("_") ? s.substring(0, s.length() - 1) : s;
  }

  private static boolean hasBraces(String s) {
    return s.indexOf('{') >= 0 || s.indexOf('}') >= 0;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isMetricChar(char c) {
    return isAlphanumeric(c) || c == ':';
  }
}
