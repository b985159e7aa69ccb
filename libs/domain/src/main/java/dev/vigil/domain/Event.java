package dev.vigil.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An error or message event after normalization. {@code payload} is the whole normalized event as
 * JSON in Sentry's event schema (snake_case keys), kept so that every detail the SDK sent can be
 * shown; the other fields are what Vigil indexes, groups and filters on.
 *
 * @param exceptions the exception chain, innermost cause first, finally raised exception last
 * @param fingerprint the SDK's custom fingerprint, empty when none was sent
 * @param traceId the trace the event was raised in ({@code contexts.trace.trace_id}), or null
 */
public record Event(
    UUID eventId,
    long projectId,
    Instant timestamp,
    Instant receivedAt,
    String platform,
    Level level,
    String logger,
    String transaction,
    String release,
    String environment,
    String serverName,
    String message,
    List<ExceptionValue> exceptions,
    Map<String, String> tags,
    UserInfo user,
    String traceId,
    String spanId,
    List<String> fingerprint,
    String sdkName,
    String sdkVersion,
    String payload) {

  public Event {
    exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    // Keep the SDK's tag order (Map.copyOf would not), so stored payloads are stable.
    tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    fingerprint = fingerprint == null ? List.of() : List.copyOf(fingerprint);
    user = user == null ? UserInfo.NONE : user;
  }

  /** This event with other tags (e.g. with Kubernetes metadata added); the payload is kept as the SDK sent it. */
  public Event withTags(Map<String, String> newTags) {
    return new Event(eventId, projectId, timestamp, receivedAt, platform, level, logger, transaction, release,
        environment, serverName, message, exceptions, newTags, user, traceId, spanId, fingerprint, sdkName, sdkVersion,
        payload);
  }

  /** The exception that was finally raised (last of the chain), or null for a message event. */
  public ExceptionValue mainException() {
    return exceptions.isEmpty() ? null : exceptions.get(exceptions.size() - 1);
  }
}
