package dev.vigil.storage.clickhouse.read;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which events of a project a read looks at: a time range [start, end) and optional exact filters
 * on indexed columns. Null filters match everything.
 */
public record EventQuery(
    long projectId, Instant start, Instant end, String level, String environment, String release) {

  public EventQuery {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** Appends the WHERE conditions (without the keyword) and their parameters. */
  void appendConditions(StringBuilder sql, List<Object> params) {
    sql.append("project_id = ? AND timestamp >= ").append(Sql.NANOS).append(" AND timestamp < ").append(Sql.NANOS);
    params.add(projectId);
    params.add(Sql.nanos(start));
    params.add(Sql.nanos(end));
    appendEquals(sql, params, "level", level);
    appendEquals(sql, params, "environment", environment);
    appendEquals(sql, params, "release", release);
  }

  private static void appendEquals(StringBuilder sql, List<Object> params, String column, String value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      params.add(value);
    }
  }
}
