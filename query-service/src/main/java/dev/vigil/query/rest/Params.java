package dev.vigil.query.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses and validates query parameters, failing with 400 and a message that says what is accepted. */
public final class Params {

  private static final Pattern EPOCH = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private Params() {}

  /** ISO-8601 (with offset, or UTC when none) or epoch seconds; null when absent. */
  public static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (EPOCH.matcher(v).matches()) {
      BigDecimal seconds = new BigDecimal(v);
      return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw ApiException.badRequest(name + " must be ISO-8601 or epoch seconds, got '" + value + "'");
      }
    }
  }

  /** An integer in [min, max], or {@code fallback} when absent. */
  public static int intInRange(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(name + " must be an integer between " + min + " and " + max);
  }

  /** An event id, 32 hex characters or a dashed UUID, normalized to 32 lower-case hex characters. */
  public static String eventId(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (HEX32.matcher(v).matches()) {
      return v;
    }
    if (UUID.matcher(v).matches()) {
      return v.replace("-", "");
    }
    throw ApiException.badRequest("event id must be 32 hex characters");
  }

  /** A W3C/OpenTelemetry trace id: 32 lower-case hex characters, not all zero. */
  public static String traceId(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (!HEX32.matcher(v).matches() || v.chars().allMatch(c -> c == '0')) {
      throw ApiException.badRequest("trace id must be 32 hex characters, not all zero");
    }
    return v;
  }

  /** A blank parameter counts as absent. */
  public static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
