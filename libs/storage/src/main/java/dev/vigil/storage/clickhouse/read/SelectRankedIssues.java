package dev.vigil.storage.clickhouse.read;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One chunk of a project's issues with events in a range, ordered by a count (then id) descending
 * and continued after a keyset position. ClickHouse groups the range, sorts and limits, so only the
 * chunk crosses the network whatever the number of issues in the range.
 */
final class SelectRankedIssues {

  private final ClickHouseStorage storage;

  SelectRankedIssues(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /**
   * @param messageContains text searched case-insensitively in messages, or null
   * @param textMatchedElsewhere with a text, keeps only issues with a matching message or among these
   *     ids (matched by other means); null keeps every issue
   */
  List<IssueAggregate> select(
      EventQuery query,
      IssueRank rank,
      IssueRank.After after,
      int limit,
      String messageContains,
      Collection<Long> textMatchedElsewhere) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = IssueAggregateSelect.where(query, messageContains, params);
    sql.append(" GROUP BY issue_id HAVING 1");
    if (after != null) {
      sql.append(" AND (").append(rank.column).append(" < ? OR (").append(rank.column).append(" = ? AND issue_id < ?))");
      params.add(after.count());
      params.add(after.count());
      params.add(after.issueId());
    }
    if (messageContains != null && textMatchedElsewhere != null) {
      sql.append(" AND (message_match");
      if (!textMatchedElsewhere.isEmpty()) {
        sql.append(" OR issue_id IN (").append(Sql.placeholders(textMatchedElsewhere)).append(')');
        params.addAll(textMatchedElsewhere);
      }
      sql.append(')');
    }
    sql.append(" ORDER BY ").append(rank.column).append(" DESC, issue_id DESC LIMIT ?");
    params.add(limit);
    return Sql.query(storage, "ranked issues", sql.toString(), params, IssueAggregateSelect::row);
  }
}
