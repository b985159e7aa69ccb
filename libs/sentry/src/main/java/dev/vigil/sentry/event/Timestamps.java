package dev.vigil.sentry.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Parses the timestamp forms SDKs send: float seconds, numeric strings and ISO-8601 with or without zone. */
public final class Timestamps {

  /** Relay's defaults: an event more than a minute in the future or 30 days in the past has a wrong clock. */
  static final Duration MAX_IN_FUTURE = Duration.ofMinutes(1);

  static final Duration MAX_IN_PAST = Duration.ofDays(30);

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
          .toFormatter();

  private Timestamps() {}

  /** The instant a node denotes, or null when it is absent or unreadable. */
  public static Instant parse(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return fromSeconds(node.decimalValue());
    }
    if (!node.isTextual()) {
      return null;
    }
    String text = node.textValue().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return fromSeconds(new BigDecimal(text));
    } catch (NumberFormatException notNumeric) {
      // fall through to the date forms
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException notOffset) {
      // fall through
    }
    try {
      // Naive timestamps (Python's datetime.utcnow().isoformat()) are UTC by Sentry's convention.
      return LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      return null;
    }
  }

  /** The event time: the SDK's, unless absent or off by more than Relay tolerates, then the receive time. */
  static Instant eventTime(JsonNode node, Instant receivedAt) {
    Instant parsed = parse(node);
    if (parsed == null
        || parsed.isAfter(receivedAt.plus(MAX_IN_FUTURE))
        || parsed.isBefore(receivedAt.minus(MAX_IN_PAST))) {
      return receivedAt;
    }
    return parsed;
  }

  /**
   * Seconds since the epoch with microsecond precision, Sentry's wire form; a BigDecimal so that the
   * JSON shows 1749721287.351211 rather than a double's 1.749721287351211E9.
   */
  static BigDecimal toSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1_000, 6));
  }

  private static Instant fromSeconds(BigDecimal seconds) {
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(253402300799L)) > 0) {
      return null;
    }
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    // Round to microseconds: SDK floats carry noise below that.
    nanos = Math.round(nanos / 1000.0) * 1000;
    return Instant.ofEpochSecond(whole, nanos);
  }
}
