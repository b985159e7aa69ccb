package dev.vigil.storage.clickhouse.read;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Per-issue counts over a project's events in a range: one GROUP BY issue_id that reads the
 * project's slice of the (project_id, issue_id, timestamp) primary key. Replayed rows may exist until
 * merges, so events are counted by distinct id.
 */
final class SelectIssueAggregates {

  private final ClickHouseStorage storage;

  SelectIssueAggregates(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /**
   * @param issueIds only these issues, or every issue with events in range when null
   * @param messageContains text searched case-insensitively in messages, or null
   */
  List<IssueAggregate> select(EventQuery query, Collection<Long> issueIds, String messageContains) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT issue_id, uniqExact(event_id), uniqExactIf(user_key, user_key != ''),"
                + " toUnixTimestamp64Nano(min(timestamp)), toUnixTimestamp64Nano(max(timestamp)), ");
    if (messageContains == null) {
      sql.append("0");
    } else {
      sql.append("max(positionCaseInsensitiveUTF8(message, ?) > 0)");
      params.add(messageContains);
    }
    sql.append(" FROM ${database}.events WHERE ");
    query.appendConditions(sql, params);
    if (issueIds != null) {
      if (issueIds.isEmpty()) {
        return List.of();
      }
      sql.append(" AND issue_id IN (").append(Sql.placeholders(issueIds)).append(')');
      params.addAll(issueIds);
    }
    sql.append(" GROUP BY issue_id");
    return Sql.query(
        storage,
        "issue aggregates",
        sql.toString(),
        params,
        rs ->
            new IssueAggregate(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                Sql.instantOfNanos(rs.getLong(4)),
                Sql.instantOfNanos(rs.getLong(5)),
                rs.getInt(6) != 0));
  }
}
