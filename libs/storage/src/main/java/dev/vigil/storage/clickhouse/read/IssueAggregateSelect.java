package dev.vigil.storage.clickhouse.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The start both per-issue queries share (issue aggregates and ranked issues): their columns, the
 * events table and the query's conditions, and how a row becomes an {@link IssueAggregate}.
 */
final class IssueAggregateSelect {

  private IssueAggregateSelect() {}

  /**
   * {@code SELECT <per-issue columns> FROM events WHERE <the query's conditions>}, for the caller to
   * add its own conditions and {@code GROUP BY issue_id}. The counts are aliased {@code event_count}
   * and {@code user_count} (the columns {@link IssueRank} orders by), the text match {@code
   * message_match} (a constant 0 when there is no text).
   */
  static StringBuilder where(EventQuery query, String messageContains, List<Object> params) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT issue_id, uniqExact(event_id) AS event_count, uniqExactIf(user_key, user_key != '') AS user_count,"
                + " toUnixTimestamp64Nano(min(timestamp)), toUnixTimestamp64Nano(max(timestamp)), ");
    if (messageContains == null) {
      sql.append("0");
    } else {
      sql.append("max(positionCaseInsensitiveUTF8(message, ?) > 0) AS message_match");
      params.add(messageContains);
    }
    sql.append(" FROM ${database}.events WHERE ");
    query.appendConditions(sql, params);
    return sql;
  }

  static IssueAggregate row(ResultSet rs) throws SQLException {
    return new IssueAggregate(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        Sql.instantOfNanos(rs.getLong(4)),
        Sql.instantOfNanos(rs.getLong(5)),
        rs.getInt(6) != 0);
  }
}
