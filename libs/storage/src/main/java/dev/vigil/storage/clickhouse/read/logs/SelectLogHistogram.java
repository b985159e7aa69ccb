package dev.vigil.storage.clickhouse.read.logs;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Log counts per time bucket and severity level, zero-filled here rather than WITH FILL so that
 * every bucket of the range exists even when the range holds no record at all. Counts are of rows:
 * a replayed record counts twice until ClickHouse merges it away.
 */
final class SelectLogHistogram {

  // OpenTelemetry's severity number ranges: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.
  private static final String LEVEL =
      "multiIf(severity_number >= 21, 'fatal', severity_number >= 17, 'error', severity_number >= 13, 'warn',"
          + " severity_number >= 9, 'info', severity_number >= 5, 'debug', severity_number >= 1, 'trace', 'unspecified')";

  private final ClickHouseStorage storage;

  SelectLogHistogram(ClickHouseStorage storage) {
    this.storage = storage;
  }

  List<LogBucket> select(LogQuery q, Duration step) {
    long width = step.toSeconds();
    if (width <= 0) {
      throw new IllegalArgumentException("step must be at least one second");
    }
    List<Object> params = new ArrayList<>(List.of(width, width));
    StringBuilder sql =
        new StringBuilder("SELECT intDiv(toUnixTimestamp(timestamp), ?) * ? AS bucket, ")
            .append(LEVEL)
            .append(" AS level, count() FROM ${database}.logs WHERE ");
    LogConditions.append(q, sql, params);
    sql.append(" GROUP BY bucket, level");
    Map<Long, Map<String, Long>> counts = new HashMap<>();
    Sql.query(storage, "log histogram", sql.toString(), params, rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
        .forEach(r -> counts.computeIfAbsent((Long) r[0], k -> new HashMap<>()).put((String) r[1], (Long) r[2]));
    long first = Math.floorDiv(q.from().getEpochSecond(), width) * width;
    long end = q.to().getEpochSecond();
    List<LogBucket> buckets = new ArrayList<>();
    for (long t = first; t < end || t == first; t += width) {
      Map<String, Long> bySeverity = counts.getOrDefault(t, Map.of());
      buckets.add(new LogBucket(t, bySeverity.values().stream().mapToLong(Long::longValue).sum(), bySeverity));
    }
    return buckets;
  }
}
