package dev.vigil.storage.clickhouse.read.services;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * RED figures grouped by service or by operation. Like SigNoz, only entry spans count (server and
 * consumer spans, and roots), so a request is counted once per service however many internal and
 * client spans it produced.
 */
final class SelectRedFigures {

  static final String ENTRY_SPANS = "(span_kind IN ('server', 'consumer') OR parent_span_id = '')";
  private static final int MAX_ROWS = 1000;

  private final ClickHouseStorage storage;

  SelectRedFigures(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /** Per service when {@code service} is null, else per span name of that service. */
  List<RedFigures> select(long projectId, Instant from, Instant to, String service) {
    String group = service == null ? "service_name" : "span_name";
    List<Object> params = new ArrayList<>(List.of(projectId, Sql.nanos(from), Sql.nanos(to)));
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(group)
            .append(", count() AS n, countIf(status_code = 'error') AS errors,")
            .append(" quantiles(0.5, 0.95, 0.99)(duration_ns) AS q, q[1], q[2], q[3]")
            .append(" FROM ${database}.spans WHERE project_id = ? AND timestamp >= ")
            .append(Sql.NANOS)
            .append(" AND timestamp < ")
            .append(Sql.NANOS)
            .append(" AND ")
            .append(ENTRY_SPANS);
    if (service != null) {
      sql.append(" AND service_name = ?");
      params.add(service);
    }
    sql.append(" GROUP BY ").append(group).append(" ORDER BY n DESC, ").append(group).append(" LIMIT ").append(MAX_ROWS);
    double seconds = Math.max(1e-3, (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
    return Sql.query(storage, service == null ? "service RED figures" : "operation RED figures", sql.toString(), params, rs -> map(rs, seconds));
  }

  private static RedFigures map(ResultSet rs, double seconds) throws SQLException {
    long n = rs.getLong(2);
    long errors = rs.getLong(3);
    return new RedFigures(
        rs.getString(1),
        n,
        errors,
        n / seconds,
        n == 0 ? 0 : (double) errors / n,
        rs.getDouble(5) / 1e6,
        rs.getDouble(6) / 1e6,
        rs.getDouble(7) / 1e6);
  }
}
