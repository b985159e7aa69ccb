package dev.vigil.storage.clickhouse.read.traces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanEvent;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanLink;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * All spans of one trace: the trace index gives the trace's time window, and the spans scan is
 * bounded by project, that window and the trace id (bloom filter), so it reads only the granules of
 * those minutes however many spans are stored. A span stored from both a Sentry transaction and
 * OTLP is kept once, preferring the OTLP copy.
 */
final class SelectTraceSpans {

  private static final String WINDOW =
      "SELECT toUnixTimestamp64Nano(min(start)), toUnixTimestamp64Nano(max(end)) FROM ${database}.trace_index"
          + " WHERE project_id = ? AND trace_id = ? GROUP BY trace_id";

  private static final String SPANS =
      "SELECT trace_id, span_id, parent_span_id, trace_state, toUnixTimestamp64Nano(timestamp), duration_ns,"
          + " service_name, span_name, span_kind, status_code, status_message, scope_name, scope_version,"
          + " toJSONString(resource_attributes), toJSONString(span_attributes),"
          + " toJSONString(arrayMap(t -> toUnixTimestamp64Nano(t), `events.timestamp`)), toJSONString(`events.name`),"
          + " toJSONString(`events.attributes`), toJSONString(`links.trace_id`), toJSONString(`links.span_id`),"
          + " toJSONString(`links.trace_state`), toJSONString(`links.attributes`), source, project_id"
          + " FROM ${database}.spans WHERE project_id = ? AND trace_id = ?"
          + " AND timestamp >= " + Sql.NANOS + " AND timestamp <= " + Sql.NANOS
          + " ORDER BY source != 'otlp', timestamp, span_id LIMIT 1 BY span_id LIMIT ?";

  private final ClickHouseStorage storage;

  SelectTraceSpans(ClickHouseStorage storage) {
    this.storage = storage;
  }

  Optional<TraceSpans> select(long projectId, String traceId, int maxSpans) {
    List<long[]> windows =
        Sql.query(storage, "trace window", WINDOW, List.of(projectId, traceId), rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    if (windows.isEmpty()) {
      return Optional.empty();
    }
    long[] w = windows.get(0);
    List<Span> spans =
        new ArrayList<>(
            Sql.query(
                storage,
                "trace spans",
                SPANS,
                List.of(projectId, traceId, w[0], w[1], maxSpans + 1),
                SelectTraceSpans::map));
    boolean truncated = spans.size() > maxSpans;
    if (truncated) {
      spans = new ArrayList<>(spans.subList(0, maxSpans));
    }
    spans.sort(Comparator.comparing(Span::start).thenComparing(Span::spanId));
    return Optional.of(new TraceSpans(traceId, Sql.instantOfNanos(w[0]), Sql.instantOfNanos(w[1]), spans, truncated));
  }

  private static Span map(ResultSet rs) throws SQLException {
    List<SpanEvent> events = new ArrayList<>();
    JsonNode times = Sql.json(rs.getString(16));
    JsonNode names = Sql.json(rs.getString(17));
    JsonNode attributes = Sql.json(rs.getString(18));
    for (int i = 0; i < times.size(); i++) {
      events.add(
          new SpanEvent(Sql.instantOfNanos(times.get(i).asLong()), names.path(i).asText(), Sql.stringMap(attributes.get(i))));
    }
    List<SpanLink> links = new ArrayList<>();
    JsonNode traceIds = Sql.json(rs.getString(19));
    JsonNode spanIds = Sql.json(rs.getString(20));
    JsonNode states = Sql.json(rs.getString(21));
    JsonNode linkAttributes = Sql.json(rs.getString(22));
    for (int i = 0; i < traceIds.size(); i++) {
      links.add(
          new SpanLink(traceIds.get(i).asText(), spanIds.path(i).asText(), states.path(i).asText(), Sql.stringMap(linkAttributes.get(i))));
    }
    return new Span(
        rs.getLong(24),
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Sql.instantOfNanos(rs.getLong(5)),
        rs.getLong(6),
        rs.getString(7),
        rs.getString(8),
        enumOf(SpanKind.class, rs.getString(9), SpanKind.UNSPECIFIED),
        enumOf(StatusCode.class, rs.getString(10), StatusCode.UNSET),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        Sql.stringMap(rs.getString(14)),
        Sql.stringMap(rs.getString(15)),
        events,
        links,
        enumOf(SpanSource.class, rs.getString(23), SpanSource.OTLP));
  }

  // Stored as the enums' lower-case wire names; an unknown value must not hide the span.
  private static <E extends Enum<E>> E enumOf(Class<E> type, String wire, E fallback) {
    try {
      return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      return fallback;
    }
  }
}
