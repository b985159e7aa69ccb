package dev.vigil.storage.clickhouse.read;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event counts per issue and fixed-width bucket (hour, day), zero-filled, for sparklines. Buckets
 * are aligned to multiples of their width since the epoch, i.e. to UTC hours and days.
 */
final class SelectCountSeries {

  private final ClickHouseStorage storage;

  SelectCountSeries(ClickHouseStorage storage) {
    this.storage = storage;
  }

  Map<Long, List<CountBucket>> select(EventQuery query, Collection<Long> issueIds, Duration bucket) {
    long width = bucket.toSeconds();
    if (width <= 0) {
      throw new IllegalArgumentException("bucket must be at least one second");
    }
    long first = Math.floorDiv(query.start().getEpochSecond(), width) * width;
    long endExclusive = query.end().getEpochSecond();
    Map<Long, Map<Long, Long>> counts = new HashMap<>();
    if (!issueIds.isEmpty()) {
      List<Object> params = new ArrayList<>();
      params.add(width);
      params.add(width);
      StringBuilder sql =
          new StringBuilder(
              "SELECT issue_id, intDiv(toUnixTimestamp(timestamp), ?) * ? AS bucket, uniqExact(event_id)"
                  + " FROM ${database}.events WHERE ");
      query.appendConditions(sql, params);
      sql.append(" AND issue_id IN (").append(Sql.placeholders(issueIds)).append(')');
      params.addAll(issueIds);
      sql.append(" GROUP BY issue_id, bucket");
      for (long[] row :
          Sql.query(
              storage,
              "issue count series",
              sql.toString(),
              params,
              rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})) {
        counts.computeIfAbsent(row[0], k -> new HashMap<>()).put(row[1], row[2]);
      }
    }
    Map<Long, List<CountBucket>> series = new HashMap<>();
    for (Long issueId : issueIds) {
      Map<Long, Long> byBucket = counts.getOrDefault(issueId, Map.of());
      List<CountBucket> buckets = new ArrayList<>();
      for (long t = first; t < endExclusive; t += width) {
        buckets.add(new CountBucket(t, byBucket.getOrDefault(t, 0L)));
      }
      series.put(issueId, buckets);
    }
    return series;
  }
}
