package dev.vigil.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a rate-limited webhook asked us to wait: Discord's JSON {@code retry_after} (seconds, with
 * fractions) or its {@code X-RateLimit-Reset-After}, else the standard {@code Retry-After} header, in
 * seconds or as an HTTP date (Slack sends seconds).
 */
final class RetryAfter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RetryAfter() {}

  static Duration of(HttpHeaders headers, String body, Instant now) {
    Duration fromBody = fromDiscordBody(body);
    if (fromBody != null) {
      return fromBody;
    }
    Optional<String> reset = headers.firstValue("X-RateLimit-Reset-After");
    if (reset.isPresent()) {
      Duration d = seconds(reset.get());
      if (d != null) {
        return d;
      }
    }
    return headers.firstValue("Retry-After").map(v -> header(v, now)).orElse(null);
  }

  static Duration header(String value, Instant now) {
    Duration d = seconds(value);
    if (d != null) {
      return d;
    }
    try {
      Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration fromDiscordBody(String body) {
    if (body == null || body.isBlank() || body.charAt(0) != '{') {
      return null;
    }
    try {
      JsonNode retry = JSON.readTree(body).get("retry_after");
      return retry != null && retry.isNumber() ? millis(retry.asDouble()) : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static Duration seconds(String value) {
    try {
      return millis(Double.parseDouble(value.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration millis(double seconds) {
    if (Double.isNaN(seconds) || seconds < 0) {
      return null;
    }
    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
  }
}
