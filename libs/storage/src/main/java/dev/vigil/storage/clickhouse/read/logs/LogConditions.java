package dev.vigil.storage.clickhouse.read.logs;

import dev.vigil.storage.clickhouse.read.Sql;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The WHERE clause of a log search, with its values bound. */
final class LogConditions {

  private LogConditions() {}

  /** Appends "project_id = ? AND timestamp in range AND ..." (no leading WHERE). */
  static void append(LogQuery q, StringBuilder sql, List<Object> params) {
    sql.append("project_id = ? AND timestamp >= ").append(Sql.NANOS).append(" AND timestamp < ").append(Sql.NANOS);
    params.add(q.projectId());
    params.add(Sql.nanos(q.from()));
    params.add(Sql.nanos(q.to()));
    if (q.service() != null) {
      sql.append(" AND service_name = ?");
      params.add(q.service());
    }
    if (q.minSeverity() != null) {
      sql.append(" AND severity_number >= ?");
      params.add(q.minSeverity());
    }
    if (q.traceId() != null) {
      sql.append(" AND trace_id = ?");
      params.add(q.traceId());
    }
    // LIKE on lower(body) lets ClickHouse use the tokenbf index on that expression.
    for (String token : q.tokens()) {
      sql.append(" AND lower(body) LIKE ?");
      params.add(Sql.containsPattern(token.toLowerCase(Locale.ROOT)));
    }
    for (Map.Entry<String, String> a : q.attributes()) {
      if (a.getValue().isEmpty()) {
        sql.append(" AND (mapContains(log_attributes, ?) OR mapContains(resource_attributes, ?))");
        params.add(a.getKey());
        params.add(a.getKey());
      } else {
        sql.append(" AND (log_attributes[?] = ? OR resource_attributes[?] = ?)");
        params.addAll(List.of(a.getKey(), a.getValue(), a.getKey(), a.getValue()));
      }
    }
  }
}
