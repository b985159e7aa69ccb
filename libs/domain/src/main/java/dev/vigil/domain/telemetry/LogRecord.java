package dev.vigil.domain.telemetry;

import java.time.Instant;
import java.util.Map;

/**
 * One log record with its resource and scope, as stored.
 *
 * <p>{@code id} identifies the record for deduplication: log records carry no id of their own, so
 * the processor derives it from the record's position in Kafka, and a replayed record gets the same id.
 * Trace and span ids are lower-case hex or empty. {@code timestamp} is the event time, or the observed
 * time when the SDK sent none.
 */
public record LogRecord(
    long projectId,
    long id,
    Instant timestamp,
    Instant observedTimestamp,
    String traceId,
    String spanId,
    int traceFlags,
    String severityText,
    int severityNumber,
    String serviceName,
    String body,
    String scopeName,
    String scopeVersion,
    Map<String, String> resourceAttributes,
    Map<String, String> attributes,
    String eventName) {

  public LogRecord {
    resourceAttributes = Map.copyOf(resourceAttributes);
    attributes = Map.copyOf(attributes);
  }
}
