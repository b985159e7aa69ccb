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
    StringBuilder sql = IssueAggregateSelect.where(query, messageContains, params);
    if (issueIds != null) {
      if (issueIds.isEmpty()) {
        return List.of();
      }
      sql.append(" AND issue_id IN (").append(Sql.placeholders(issueIds)).append(')');
      params.addAll(issueIds);
    }
    sql.append(" GROUP BY issue_id");
    return Sql.query(storage, "issue aggregates", sql.toString(), params, IssueAggregateSelect::row);
  }
}
