package dev.vigil.storage.clickhouse.read;

import java.time.Instant;
import java.util.Map;

/**
 * One event as stored in ClickHouse: the indexed columns, and the normalized payload when the read
 * asked for it (null otherwise). Event ids are 32 lower-case hex characters, as Sentry writes them.
 */
public record StoredEvent(
    long projectId,
    long issueId,
    String eventId,
    Instant timestamp,
    long timestampNanos,
    String level,
    String platform,
    String environment,
    String release,
    String serverName,
    String transaction,
    String title,
    String culprit,
    String message,
    String traceId,
    String spanId,
    String userId,
    String userEmail,
    String userUsername,
    String userIp,
    Map<String, String> tags,
    String sdkName,
    String sdkVersion,
    String payload) {

  /** Where this event sits in its issue's order. */
  public EventPosition position() {
    return new EventPosition(timestampNanos, eventId);
  }
}
