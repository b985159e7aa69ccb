package dev.vigil.domain.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One span of a trace, flattened with its resource and instrumentation scope, as stored.
 *
 * <p>Ids are lower-case hex (32 digits for traces, 16 for spans), the same spelling Sentry uses for
 * {@code trace_id} in events, so spans and errors join on plain string equality. The parent span id
 * is empty for a root span. Attribute values are rendered as strings (arrays and maps as JSON), the
 * form the query API filters on.
 */
public record Span(
    long projectId,
    String traceId,
    String spanId,
    String parentSpanId,
    String traceState,
    Instant start,
    long durationNanos,
    String serviceName,
    String name,
    SpanKind kind,
    StatusCode statusCode,
    String statusMessage,
    String scopeName,
    String scopeVersion,
    Map<String, String> resourceAttributes,
    Map<String, String> attributes,
    List<SpanEvent> events,
    List<SpanLink> links,
    SpanSource source) {

  public Span {
    resourceAttributes = Map.copyOf(resourceAttributes);
    attributes = Map.copyOf(attributes);
    events = List.copyOf(events);
    links = List.copyOf(links);
  }

  /** This span with other resource attributes (e.g. with Kubernetes metadata added). */
  public Span withResourceAttributes(Map<String, String> resource) {
    return new Span(projectId, traceId, spanId, parentSpanId, traceState, start, durationNanos, serviceName, name, kind,
        statusCode, statusMessage, scopeName, scopeVersion, resource, attributes, events, links, source);
  }

  /** When the span ended. */
  public Instant end() {
    return start.plusNanos(durationNanos);
  }

  /** Whether this span starts its trace (no parent). */
  public boolean isRoot() {
    return parentSpanId == null || parentSpanId.isEmpty();
  }
}
