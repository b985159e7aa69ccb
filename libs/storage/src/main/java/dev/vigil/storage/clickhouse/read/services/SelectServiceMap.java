package dev.vigil.storage.clickhouse.read.services;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Service dependencies from parent/child spans: a child span whose parent belongs to another service
 * is one call from the parent's service to the child's. Both sides of the join are bounded by project
 * and range, so a call whose parent started before the range is not seen (acceptable at the edges).
 */
final class SelectServiceMap {

  private static final String RANGE =
      "project_id = ? AND timestamp >= " + Sql.NANOS + " AND timestamp < " + Sql.NANOS;

  private static final String EDGES =
      "SELECT p.service_name AS parent, c.service_name AS child, count() AS calls,"
          + " countIf(c.status_code = 'error'), quantile(0.95)(c.duration_ns)"
          + " FROM (SELECT trace_id, span_id, service_name FROM ${database}.spans WHERE " + RANGE + ") AS p"
          + " INNER JOIN (SELECT trace_id, parent_span_id, service_name, status_code, duration_ns"
          + "   FROM ${database}.spans WHERE " + RANGE + " AND parent_span_id != '') AS c"
          + " ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id"
          + " WHERE p.service_name != c.service_name"
          + " GROUP BY parent, child ORDER BY calls DESC, parent, child LIMIT 5000";

  private static final String NODES =
      "SELECT DISTINCT service_name FROM ${database}.spans WHERE " + RANGE + " ORDER BY service_name LIMIT 5000";

  private final ClickHouseStorage storage;

  SelectServiceMap(ClickHouseStorage storage) {
    this.storage = storage;
  }

  ServiceMap select(long projectId, Instant from, Instant to) {
    List<Object> range = List.of(projectId, Sql.nanos(from), Sql.nanos(to));
    List<Object> twice = new ArrayList<>(range);
    twice.addAll(range);
    List<ServiceEdge> edges =
        Sql.query(
            storage,
            "service map",
            EDGES,
            twice,
            rs -> new ServiceEdge(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5) / 1e6));
    TreeSet<String> nodes = new TreeSet<>(Sql.query(storage, "service list", NODES, range, rs -> rs.getString(1)));
    edges.forEach(e -> {
      nodes.add(e.parent());
      nodes.add(e.child());
    });
    return new ServiceMap(List.copyOf(nodes), edges);
  }
}
