package dev.vigil.storage.clickhouse.write;

import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanEvent;
import dev.vigil.domain.telemetry.SpanLink;
import dev.vigil.storage.SpanWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.List;

/**
 * Inserts spans into {@code <database>.spans} as one RowBinary INSERT per call, deduplicated by the
 * caller's token (see {@link RowBinaryInsert}); the {@code trace_index_mv} view derives each trace's
 * time range from the same insert. Events and links are Nested columns, written as parallel arrays.
 */
public final class InsertSpans implements SpanWriter {

  private final RowBinaryInsert<Span> insert;

  public InsertSpans(ClickHouseStorage storage) {
    this.insert = new RowBinaryInsert<>(storage, "spans", "spans", InsertSpans::write);
  }

  @Override
  public void insert(List<Span> spans, String deduplicationToken) {
    DeduplicationTokens.check(deduplicationToken);
    insert.insert(spans, deduplicationToken);
  }

  private static void write(RowBinaryFormatWriter w, Span s) {
    w.setLong("project_id", s.projectId());
    w.setDateTime("timestamp", Values.utc(s.start()));
    w.setString("trace_id", Values.text(s.traceId()));
    w.setString("span_id", Values.text(s.spanId()));
    w.setString("parent_span_id", Values.text(s.parentSpanId()));
    w.setString("trace_state", Values.text(s.traceState()));
    w.setString("service_name", Values.text(s.serviceName()));
    w.setString("span_name", Values.text(s.name()));
    w.setString("span_kind", s.kind().wireName());
    w.setLong("duration_ns", s.durationNanos());
    w.setString("status_code", s.statusCode().wireName());
    w.setString("status_message", Values.text(s.statusMessage()));
    w.setString("scope_name", Values.text(s.scopeName()));
    w.setString("scope_version", Values.text(s.scopeVersion()));
    w.setValue("resource_attributes", s.resourceAttributes());
    w.setValue("span_attributes", s.attributes());
    List<SpanEvent> events = s.events();
    w.setList("events.timestamp", events.stream().map(e -> Values.utc(e.timestamp())).toList());
    w.setList("events.name", events.stream().map(e -> Values.text(e.name())).toList());
    w.setList("events.attributes", events.stream().map(SpanEvent::attributes).toList());
    List<SpanLink> links = s.links();
    w.setList("links.trace_id", links.stream().map(l -> Values.text(l.traceId())).toList());
    w.setList("links.span_id", links.stream().map(l -> Values.text(l.spanId())).toList());
    w.setList("links.trace_state", links.stream().map(l -> Values.text(l.traceState())).toList());
    w.setList("links.attributes", links.stream().map(SpanLink::attributes).toList());
    w.setString("source", s.source().wireName());
  }
}
