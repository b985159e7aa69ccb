package dev.vigil.otlp.receiver.split;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a trace export into one record per trace id (resource and scope repeated in each), keyed by
 * the hex trace id (see Topics.OTLP_SPANS), and drops spans whose ids would poison storage.
 */
public final class TraceSplitter {

  private TraceSplitter() {}

  public static Split split(ExportTraceServiceRequest request) {
    Rejections rejections = new Rejections("spans");
    Map<ByteString, TraceRecord> traces = new LinkedHashMap<>();
    long accepted = 0;
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans resourceSpans = request.getResourceSpans(r);
      for (int s = 0; s < resourceSpans.getScopeSpansCount(); s++) {
        ScopeSpans scopeSpans = resourceSpans.getScopeSpans(s);
        for (Span span : scopeSpans.getSpansList()) {
          String problem = problem(span);
          if (problem != null) {
            rejections.reject(1, "span " + quoted(span.getName()) + ": " + problem);
            continue;
          }
          traces.computeIfAbsent(span.getTraceId(), id -> new TraceRecord()).add(r, resourceSpans, s, scopeSpans, span);
          accepted++;
        }
      }
    }
    List<KeyedRecord> records = new ArrayList<>(traces.size());
    traces.forEach((id, trace) -> records.add(new KeyedRecord(Ids.hex(id), trace.request.build().toByteArray())));
    return new Split(records, accepted, rejections.count(), rejections.message());
  }

  private static String problem(Span span) {
    String problem = Ids.problem("trace_id", span.getTraceId(), Ids.TRACE_ID_BYTES, true);
    if (problem == null) {
      problem = Ids.problem("span_id", span.getSpanId(), Ids.SPAN_ID_BYTES, true);
    }
    if (problem == null) {
      problem = Ids.problem("parent_span_id", span.getParentSpanId(), Ids.SPAN_ID_BYTES, false);
    }
    return problem;
  }

  static String quoted(String name) {
    return "'" + (name.length() > 64 ? name.substring(0, 64) + "..." : name) + "'";
  }

  /** The request of one trace; spans arrive grouped by resource and scope, so only the last ones are open. */
  private static final class TraceRecord {
    final ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    ResourceSpans.Builder resource;
    ScopeSpans.Builder scope;
    int lastResource = -1;
    int lastScope = -1;

    void add(int r, ResourceSpans resourceSpans, int s, ScopeSpans scopeSpans, Span span) {
      if (r != lastResource) {
        resource =
            request.addResourceSpansBuilder()
                .setResource(resourceSpans.getResource())
                .setSchemaUrl(resourceSpans.getSchemaUrl());
        lastResource = r;
        lastScope = -1;
      }
      if (s != lastScope) {
        scope = resource.addScopeSpansBuilder().setScope(scopeSpans.getScope()).setSchemaUrl(scopeSpans.getSchemaUrl());
        lastScope = s;
      }
      scope.addSpans(span);
    }
  }
}
