package dev.vigil.otlp.traces;

import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanEvent;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanLink;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.otlp.common.Attributes;
import dev.vigil.otlp.common.Ids;
import dev.vigil.otlp.common.Resources;
import dev.vigil.otlp.common.UnixNanos;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Flattens an OTLP trace export into Vigil spans, resource and scope copied into each span. */
public final class OtlpSpans {

  private OtlpSpans() {}

  /** Every span of the request, in request order, attributed to {@code projectId}. */
  public static List<Span> toSpans(long projectId, ExportTraceServiceRequest request) {
    return toSpans(projectId, request, UnaryOperator.identity());
  }

  /**
   * Like {@link #toSpans(long, ExportTraceServiceRequest)}, each resource's attributes first passed
   * through {@code resources} (which returns the attributes to store, e.g. with Kubernetes metadata added).
   */
  public static List<Span> toSpans(
      long projectId, ExportTraceServiceRequest request, UnaryOperator<Map<String, String>> resources) {
    List<Span> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, String> resource = resources.apply(Attributes.toMap(resourceSpans.getResource().getAttributesList()));
      String serviceName = Resources.serviceName(resource);
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        InstrumentationScope scope = scopeSpans.getScope();
        for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
          spans.add(toSpan(projectId, serviceName, resource, scope, span));
        }
      }
    }
    return spans;
  }

  private static Span toSpan(
      long projectId,
      String serviceName,
      Map<String, String> resource,
      InstrumentationScope scope,
      io.opentelemetry.proto.trace.v1.Span span) {
    long start = span.getStartTimeUnixNano();
    long end = span.getEndTimeUnixNano();
    return new Span(
        projectId,
        Ids.hex(span.getTraceId()),
        Ids.hex(span.getSpanId()),
        Ids.hex(span.getParentSpanId()),
        span.getTraceState(),
        UnixNanos.toInstant(start),
        // A clock skew inside the SDK can put the end before the start; a negative duration means nothing.
        Math.max(0, end - start),
        serviceName,
        span.getName(),
        SpanKind.ofOtlp(span.getKindValue()),
        StatusCode.ofOtlp(span.getStatus().getCodeValue()),
        span.getStatus().getMessage(),
        scope.getName(),
        scope.getVersion(),
        resource,
        Attributes.toMap(span.getAttributesList()),
        events(span),
        links(span),
        SpanSource.OTLP);
  }

  private static List<SpanEvent> events(io.opentelemetry.proto.trace.v1.Span span) {
    List<SpanEvent> events = new ArrayList<>(span.getEventsCount());
    for (io.opentelemetry.proto.trace.v1.Span.Event event : span.getEventsList()) {
      events.add(
          new SpanEvent(
              UnixNanos.toInstant(event.getTimeUnixNano()),
              event.getName(),
              Attributes.toMap(event.getAttributesList())));
    }
    return events;
  }

  private static List<SpanLink> links(io.opentelemetry.proto.trace.v1.Span span) {
    List<SpanLink> links = new ArrayList<>(span.getLinksCount());
    for (io.opentelemetry.proto.trace.v1.Span.Link link : span.getLinksList()) {
      links.add(
          new SpanLink(
              Ids.hex(link.getTraceId()),
              Ids.hex(link.getSpanId()),
              link.getTraceState(),
              Attributes.toMap(link.getAttributesList())));
    }
    return links;
  }
}
