package dev.vigil.query.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The {@code from}/{@code to} range of a telemetry request: RFC 3339 or epoch milliseconds; the last
 * hour when both are absent, one hour from {@code from} or up to {@code to} when one is given; {@code from} before {@code to}, and no wider than the configured maximum.
 */
public record TimeRange(Instant from, Instant to) {

  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{1,15}");
  static final Duration DEFAULT = Duration.ofHours(1);

  public static TimeRange parse(String from, String to, Duration maxRange) {
    return parse(from, to, maxRange, Clock.systemUTC());
  }

  static TimeRange parse(String from, String to, Duration maxRange, Clock clock) {
    Instant end = time("to", to);
    Instant start = time("from", from);
    if (end == null) {
      end = start == null ? clock.instant() : start.plus(DEFAULT);
    }
    if (start == null) {
      start = end.minus(DEFAULT);
    }
    if (!start.isBefore(end)) {
      throw ApiException.badRequest("from must be before to");
    }
    if (Duration.between(start, end).compareTo(maxRange) > 0) {
      throw ApiException.badRequest("the range from..to may span at most " + maxRange);
    }
    return new TimeRange(start, end);
  }

  /** The range's length in seconds, at least one. */
  public long seconds() {
    return Math.max(1, Duration.between(from, to).toSeconds());
  }

  private static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (EPOCH_MILLIS.matcher(v).matches()) {
      return Instant.ofEpochMilli(Long.parseLong(v));
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be RFC 3339 (2026-11-21T10:00:00Z) or epoch milliseconds, got '" + value + "'");
    }
  }
}
