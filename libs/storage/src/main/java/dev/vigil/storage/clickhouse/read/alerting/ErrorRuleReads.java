package dev.vigil.storage.clickhouse.read.alerting;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event counts that error alert rules compare with their thresholds. Windows are measured on
 * received_at, the server's clock (an SDK's timestamp may be late or skewed); the timestamp bound a
 * day earlier only lets ClickHouse skip old partitions. Counts are of distinct event ids, so a batch
 * stored twice before a merge is not counted twice.
 */
public final class ErrorRuleReads {

  private static final Duration PARTITION_SLACK = Duration.ofDays(1);

  private final ClickHouseStorage storage;

  public ErrorRuleReads(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /** Events per issue received since {@code since}, for the issues with at least {@code minCount}. */
  public Map<Long, Long> issuesSeenAtLeast(long projectId, Instant since, String environment, Collection<String> levels, long minCount) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT issue_id, uniqExact(event_id) AS n FROM ${database}.events WHERE ");
    appendWindow(sql, params, projectId, since, environment, levels);
    sql.append(" GROUP BY issue_id HAVING n >= ?");
    params.add(minCount);
    Map<Long, Long> counts = new HashMap<>();
    for (long[] row : Sql.query(storage, "issue counts for alert rules", sql.toString(), params, rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
      counts.put(row[0], row[1]);
    }
    return counts;
  }

  /** The project's events received since {@code since}. */
  public long eventCount(long projectId, Instant since, String environment, Collection<String> levels) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT uniqExact(event_id) FROM ${database}.events WHERE ");
    appendWindow(sql, params, projectId, since, environment, levels);
    return Sql.query(storage, "event volume for alert rules", sql.toString(), params, rs -> rs.getLong(1)).get(0);
  }

  /** Which of the issues have an event received since {@code since} that passes the filters. */
  public Set<Long> issuesWithMatchingEvents(
      long projectId, Collection<Long> issueIds, Instant since, String environment, Collection<String> levels) {
    if (issueIds.isEmpty()) {
      return Set.of();
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT DISTINCT issue_id FROM ${database}.events WHERE ");
    appendWindow(sql, params, projectId, since, environment, levels);
    sql.append(" AND issue_id IN (").append(Sql.placeholders(issueIds)).append(')');
    params.addAll(issueIds);
    return new HashSet<>(Sql.query(storage, "issues matching alert filters", sql.toString(), params, rs -> rs.getLong(1)));
  }

  private static void appendWindow(
      StringBuilder sql, List<Object> params, long projectId, Instant since, String environment, Collection<String> levels) {
    sql.append("project_id = ? AND timestamp >= ").append(Sql.NANOS).append(" AND received_at >= ").append(Sql.NANOS);
    params.add(projectId);
    params.add(Sql.nanos(since.minus(PARTITION_SLACK)));
    params.add(Sql.nanos(since));
    if (environment != null) {
      sql.append(" AND environment = ?");
      params.add(environment);
    }
    if (levels != null && !levels.isEmpty()) {
      sql.append(" AND level IN (").append(Sql.placeholders(levels)).append(')');
      params.addAll(levels);
    }
  }
}
