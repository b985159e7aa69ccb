package dev.vigil.storage.clickhouse.read;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tag value distributions of an issue's events. Indexed columns (environment, release, level,
 * server_name, transaction, user) are tags too, as in Sentry; they are unfolded together with the
 * tags map into (key, value) pairs by one ARRAY JOIN.
 */
final class SelectIssueTags {

  private static final String PAIRS =
      " FROM ${database}.events ARRAY JOIN arrayConcat("
          + "[('environment', toString(environment)), ('release', toString(release)),"
          + " ('level', toString(level)), ('server_name', toString(server_name)),"
          + " ('transaction', `transaction`), ('user', user_key)],"
          + " arrayMap(k -> (toString(k), tags[k]), mapKeys(tags))) AS kv"
          + " WHERE project_id = ? AND issue_id = ? AND kv.2 != ''";

  private final ClickHouseStorage storage;

  SelectIssueTags(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /** Every key (or only {@code key} when not null), most common keys first. */
  List<TagKeySummary> select(long projectId, long issueId, String key, int top) {
    List<Object> params = new ArrayList<>(List.of(projectId, issueId));
    String keyCondition = "";
    if (key != null) {
      keyCondition = " AND kv.1 = ?";
      params.add(key);
    }
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (Object[] row :
        Sql.query(
            storage,
            "issue tag keys",
            "SELECT kv.1 AS k, uniqExact(event_id) AS c, uniqExact(kv.2)" + PAIRS + keyCondition
                + " GROUP BY k ORDER BY c DESC, k",
            params,
            rs -> new Object[] {rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}})) {
      totals.put((String) row[0], (long[]) row[1]);
    }
    if (totals.isEmpty()) {
      return List.of();
    }
    List<Object> topParams = new ArrayList<>(params);
    topParams.add(top);
    Map<String, List<TagValueCount>> values = new LinkedHashMap<>();
    for (Object[] row :
        Sql.query(
            storage,
            "issue tag values",
            "SELECT kv.1 AS k, kv.2 AS v, uniqExact(event_id) AS c,"
                + " toUnixTimestamp64Nano(min(timestamp)), toUnixTimestamp64Nano(max(timestamp))"
                + PAIRS
                + keyCondition
                + " GROUP BY k, v ORDER BY k, c DESC, v LIMIT ? BY k",
            topParams,
            rs ->
                new Object[] {
                  rs.getString(1),
                  new TagValueCount(
                      rs.getString(2),
                      rs.getLong(3),
                      Sql.instantOfNanos(rs.getLong(4)),
                      Sql.instantOfNanos(rs.getLong(5)))
                })) {
      values.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((TagValueCount) row[1]);
    }
    List<TagKeySummary> summaries = new ArrayList<>();
    totals.forEach(
        (k, t) -> summaries.add(new TagKeySummary(k, t[0], t[1], values.getOrDefault(k, List.of()))));
    return summaries;
  }
}
