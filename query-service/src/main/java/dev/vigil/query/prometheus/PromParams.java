package dev.vigil.query.prometheus;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.promql.parser.Durations;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of one Prometheus API request, from the URL and (for POST) the form body, read the
 * way Prometheus reads them: times as RFC 3339 or Unix seconds with fractions, durations as Prometheus
 * durations ({@code 15s}, {@code 1h30m}) or float seconds, {@code match[]} as series selectors. Errors
 * carry Prometheus's wording, so clients that match on it keep working.
 */
public final class PromParams {

  // Go's ParseFloat, which Prometheus uses, also takes exponents ("1.7e9").
  private static final Pattern SECONDS = Pattern.compile("-?\\d{1,12}(\\.\\d{1,12})?([eE][-+]?\\d{1,2})?");
  // How Go's client libraries spell "no bound" (Prometheus's minTime and maxTime, RFC 3339).
  private static final String MIN_TIME = "-292273086-05-16T16:47:06Z";
  private static final String MAX_TIME = "292277025-08-18T07:12:54.999999999Z";
  private static final Pattern FLOAT_SECONDS = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

  private final Map<String, List<String>> values;

  private PromParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Body values first, then the URL's, as Go's {@code Request.ParseForm} orders them. */
  public static PromParams of(Map<String, List<String>> form, Map<String, List<String>> query) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    for (Map<String, List<String>> source : List.of(form == null ? Map.<String, List<String>>of() : form, query)) {
      source.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    return new PromParams(merged);
  }

  /** The first value of the parameter, or null when absent or empty. */
  public String first(String name) {
    List<String> list = values.get(name);
    if (list == null || list.isEmpty() || list.get(0) == null || list.get(0).isEmpty()) {
      return null;
    }
    return list.get(0);
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** A time parameter, or {@code fallback} when absent (or one of the clients' "unbounded" spellings). */
  public Instant time(String name, Instant fallback) {
    String v = first(name);
    if (v == null || v.equals(MIN_TIME) || v.equals(MAX_TIME)) {
      return fallback;
    }
    return parseTime(name, v.trim());
  }

  static Instant parseTime(String name, String v) {
    if (SECONDS.matcher(v).matches()) {
      BigDecimal seconds = new BigDecimal(v);
      if (seconds.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
        throw PromApiException.badData("invalid parameter \"" + name + "\": cannot parse \"" + v + "\" to a valid timestamp");
      }
      BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
      return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValue());
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw PromApiException.badData("invalid parameter \"" + name + "\": cannot parse \"" + v + "\" to a valid timestamp");
    }
  }

  /** A duration parameter, or null when absent. */
  public Duration duration(String name) {
    String v = first(name);
    return v == null ? null : parseDuration(name, v.trim());
  }

  static Duration parseDuration(String name, String v) {
    if (FLOAT_SECONDS.matcher(v).matches()) {
      BigDecimal seconds = new BigDecimal(v.startsWith(".") ? "0" + v : v);
      if (seconds.compareTo(BigDecimal.valueOf(9_000_000_000L)) < 0) {
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
      }
    } else {
      Long millis = Durations.parseMillis(v);
      if (millis != null) {
        return Duration.ofMillis(millis);
      }
    }
    throw PromApiException.badData("invalid parameter \"" + name + "\": cannot parse \"" + v + "\" to a valid duration");
  }

  /** A {@code limit}: 0 or absent means the server's own cap. */
  public int limit(int cap) {
    String v = first("limit");
    if (v == null) {
      return cap;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 0) {
        return n == 0 ? cap : Math.min(n, cap);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw PromApiException.badData("invalid parameter \"limit\": cannot parse \"" + v + "\" to a valid limit");
  }

  /** The {@code match[]} selectors, each a list of matchers that must all hold. */
  public List<List<LabelMatcher>> selectors() {
    List<List<LabelMatcher>> selectors = new ArrayList<>();
    for (String text : all("match[]")) {
      VectorSelector selector;
      try {
        selector = Parser.parseSelector(text);
      } catch (ParseException e) {
        throw PromApiException.badData("invalid parameter \"match[]\": " + e.getMessage());
      }
      selectors.add(selector.matchers());
    }
    return selectors;
  }
}
