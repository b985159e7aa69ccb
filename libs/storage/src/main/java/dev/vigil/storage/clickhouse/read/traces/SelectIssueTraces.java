package dev.vigil.storage.clickhouse.read.traces;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.util.List;

/**
 * The traces an issue's events were raised in, most recent first. Events are ordered by project,
 * issue and time, so the inner query reads only the issue's newest traced events (in key order);
 * an issue with millions of events costs no more than one with {@link #RECENT_EVENTS}.
 */
final class SelectIssueTraces {

  static final int RECENT_EVENTS = 10_000;

  private static final String SQL =
      "SELECT trace_id, toUnixTimestamp64Nano(min(timestamp)), toUnixTimestamp64Nano(max(timestamp)) AS last_seen,"
          + " uniqExact(event_id) FROM (SELECT trace_id, timestamp, event_id FROM ${database}.events"
          + "   WHERE project_id = ? AND issue_id = ? AND trace_id != '' ORDER BY timestamp DESC LIMIT " + RECENT_EVENTS + ")"
          + " GROUP BY trace_id ORDER BY last_seen DESC, trace_id LIMIT ?";

  private final ClickHouseStorage storage;

  SelectIssueTraces(ClickHouseStorage storage) {
    this.storage = storage;
  }

  List<IssueTrace> select(long projectId, long issueId, int limit) {
    return Sql.query(
        storage,
        "issue traces",
        SQL,
        List.of(projectId, issueId, limit),
        rs -> new IssueTrace(rs.getString(1), Sql.instantOfNanos(rs.getLong(2)), Sql.instantOfNanos(rs.getLong(3)), rs.getLong(4)));
  }
}
