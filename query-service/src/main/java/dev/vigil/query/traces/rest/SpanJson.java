package dev.vigil.query.traces.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A span of a trace in depth-first order: {@code depth} 0 for roots (and for spans whose parent is
 * missing, flagged {@code orphan}), {@code childSpanIds} in start order.
 */
public record SpanJson(
    String traceId,
    String spanId,
    String parentSpanId,
    int depth,
    boolean orphan,
    List<String> childSpanIds,
    String service,
    String name,
    String kind,
    String status,
    String statusMessage,
    Instant start,
    Instant end,
    double durationMs,
    long durationNanos,
    String traceState,
    String scopeName,
    String scopeVersion,
    Map<String, String> attributes,
    Map<String, String> resourceAttributes,
    List<Event> events,
    List<Link> links,
    String source) {

  /** An event of the span. */
  public record Event(Instant timestamp, String name, Map<String, String> attributes) {}

  /** A link to another span. */
  public record Link(String traceId, String spanId, String traceState, Map<String, String> attributes) {}
}
