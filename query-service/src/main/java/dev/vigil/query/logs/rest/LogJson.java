package dev.vigil.query.logs.rest;

import dev.vigil.domain.telemetry.LogRecord;
import java.time.Instant;
import java.util.Map;

/**
 * A log record in the API. {@code id} is a string because the stored id is an unsigned 64-bit
 * number that JavaScript cannot hold exactly; trace and span ids are null when absent, so the UI
 * links a line to its trace only when it has one.
 */
public record LogJson(
    String id,
    Instant timestamp,
    Instant observedTimestamp,
    String traceId,
    String spanId,
    int traceFlags,
    String severityText,
    int severityNumber,
    String severity,
    String service,
    String body,
    String scopeName,
    String scopeVersion,
    Map<String, String> resourceAttributes,
    Map<String, String> attributes,
    String eventName) {

  public static LogJson of(LogRecord r) {
    return new LogJson(
        Long.toUnsignedString(r.id()),
        r.timestamp(),
        r.observedTimestamp(),
        blankToNull(r.traceId()),
        blankToNull(r.spanId()),
        r.traceFlags(),
        r.severityText(),
        r.severityNumber(),
        Severities.level(r.severityNumber()),
        r.serviceName(),
        r.body(),
        blankToNull(r.scopeName()),
        blankToNull(r.scopeVersion()),
        r.resourceAttributes(),
        r.attributes(),
        blankToNull(r.eventName()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
