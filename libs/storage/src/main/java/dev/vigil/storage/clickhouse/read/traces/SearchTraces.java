package dev.vigil.storage.clickhouse.read.traces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trace search in two bounded steps: first the ids of the newest matching traces within the range
 * (GROUP BY trace id with LIMIT, keyset-paged), then, for that page only, the trace index's windows
 * and one aggregation over those traces' spans inside their windows.
 */
final class SearchTraces {

  private static final String RANGE = "timestamp >= " + Sql.NANOS + " AND timestamp < " + Sql.NANOS;

  private final ClickHouseStorage storage;

  SearchTraces(ClickHouseStorage storage) {
    this.storage = storage;
  }

  List<TraceSummary> search(TraceQuery q) {
    List<TracePosition> page = matchingTraces(q);
    if (page.isEmpty()) {
      return List.of();
    }
    List<String> ids = page.stream().map(TracePosition::traceId).toList();
    long[] window = window(q, ids);
    Map<String, TraceSummary> byId = new HashMap<>();
    List<Object> params = new ArrayList<>();
    params.add(q.projectId());
    params.addAll(ids);
    params.add(window[0]);
    params.add(window[1]);
    String sql =
        "SELECT trace_id, uniqExact(span_id), uniqExactIf(span_id, status_code = 'error'),"
            + " toJSONString(arraySort(groupUniqArray(service_name))),"
            + " argMin(service_name, (parent_span_id != '', timestamp)), argMin(span_name, (parent_span_id != '', timestamp)),"
            + " toUnixTimestamp64Nano(min(timestamp)), toUnixTimestamp64Nano(max(addNanoseconds(timestamp, duration_ns)))"
            + " FROM ${database}.spans WHERE project_id = ? AND trace_id IN (" + Sql.placeholders(ids) + ")"
            + " AND timestamp >= " + Sql.NANOS + " AND timestamp <= " + Sql.NANOS
            + " GROUP BY trace_id";
    Map<String, TracePosition> positions = new HashMap<>();
    page.forEach(p -> positions.put(p.traceId(), p));
    for (TraceSummary s :
        Sql.query(
            storage,
            "trace summaries",
            sql,
            params,
            rs -> {
              long start = rs.getLong(7);
              List<String> services = new ArrayList<>();
              for (JsonNode n : Sql.json(rs.getString(4))) {
                services.add(n.asText());
              }
              String id = rs.getString(1);
              return new TraceSummary(
                  id, rs.getString(5), rs.getString(6), Sql.instantOfNanos(start), rs.getLong(8) - start,
                  rs.getLong(2), rs.getLong(3), services, positions.get(id));
            })) {
      byId.put(s.traceId(), s);
    }
    return page.stream().map(p -> byId.get(p.traceId())).filter(s -> s != null).toList();
  }

  /** The page of matching trace ids, newest first by their earliest matching span. */
  private List<TracePosition> matchingTraces(TraceQuery q) {
    List<Object> params = new ArrayList<>(List.of(q.projectId(), Sql.nanos(q.from()), Sql.nanos(q.to())));
    StringBuilder sql =
        new StringBuilder("SELECT trace_id, min(timestamp) AS t, toUnixTimestamp64Nano(t) FROM ${database}.spans")
            .append(" WHERE project_id = ? AND ")
            .append(RANGE);
    condition(sql, params, "service_name = ?", q.service());
    condition(sql, params, "span_name = ?", q.operation());
    condition(sql, params, "duration_ns >= ?", q.minDurationNanos());
    condition(sql, params, "duration_ns <= ?", q.maxDurationNanos());
    condition(sql, params, "status_code = ?", q.status());
    for (Map.Entry<String, String> a : q.attributes()) {
      if (a.getValue().isEmpty()) {
        sql.append(" AND (mapContains(span_attributes, ?) OR mapContains(resource_attributes, ?))");
        params.add(a.getKey());
        params.add(a.getKey());
      } else {
        sql.append(" AND (span_attributes[?] = ? OR resource_attributes[?] = ?)");
        params.addAll(List.of(a.getKey(), a.getValue(), a.getKey(), a.getValue()));
      }
    }
    sql.append(" GROUP BY trace_id");
    if (q.before() != null) {
      sql.append(" HAVING (t, trace_id) < (").append(Sql.NANOS).append(", ?)");
      params.add(q.before().timestampNanos());
      params.add(q.before().traceId());
    }
    sql.append(" ORDER BY t DESC, trace_id DESC LIMIT ?");
    params.add(q.limit());
    return Sql.query(storage, "trace search", sql.toString(), params, rs -> new TracePosition(rs.getLong(3), rs.getString(1)));
  }

  /** The smallest window holding every span of these traces, from the trace index. */
  private long[] window(TraceQuery q, List<String> ids) {
    List<Object> params = new ArrayList<>();
    params.add(q.projectId());
    params.addAll(ids);
    String sql =
        "SELECT toUnixTimestamp64Nano(min(start)), toUnixTimestamp64Nano(max(end)) FROM ${database}.trace_index"
            + " WHERE project_id = ? AND trace_id IN (" + Sql.placeholders(ids) + ")";
    long[] w = Sql.query(storage, "trace windows", sql, params, rs -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
    // The index is fed by a materialized view in the same insert; should it lag, fall back to the range.
    return w[1] <= 0 ? new long[] {Sql.nanos(q.from()), Sql.nanos(q.to())} : w;
  }

  private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      params.add(value);
    }
  }
}
