package dev.vigil.storage.clickhouse.read.ingestion;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a project has sent anything yet, and when it last did: the newest event, span, log record
 * and metric sample since a given instant. One round trip; each part reads only the project's
 * primary-key range and the partitions of the window, so its cost follows the project's recent
 * volume. Calls block on the network.
 */
public final class IngestionReads {

  private static final String SQL =
      "SELECT 'event', count(), toUnixTimestamp64Nano(max(timestamp)) FROM ${database}.events"
          + " WHERE project_id = ? AND timestamp >= " + Sql.NANOS
          + " UNION ALL SELECT 'span', count(), toUnixTimestamp64Nano(max(timestamp)) FROM ${database}.spans"
          + " WHERE project_id = ? AND timestamp >= " + Sql.NANOS
          + " UNION ALL SELECT 'log', count(), toUnixTimestamp64Nano(max(timestamp)) FROM ${database}.logs"
          + " WHERE project_id = ? AND timestamp >= " + Sql.NANOS
          + " UNION ALL SELECT 'metric', count(), max(timestamp_ms) * 1000000 FROM ${database}.metric_samples"
          + " WHERE project_id = ? AND timestamp_ms >= ?";

  private record Row(String signal, long count, long newestNanos) {}

  private final ClickHouseStorage storage;

  public IngestionReads(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /** The newest timestamps of the project's signals at or after {@code since}. */
  public LastArrivals lastArrivals(long projectId, Instant since) {
    long nanos = Sql.nanos(since);
    List<Object> params = new ArrayList<>(List.of(projectId, nanos, projectId, nanos, projectId, nanos, projectId, since.toEpochMilli()));
    Map<String, Instant> newest = new HashMap<>();
    for (Row row : Sql.query(storage, "ingestion status", SQL, params, rs -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3)))) {
      // max() over no rows is the epoch, not null: the count tells an empty window apart.
      if (row.count() > 0) {
        newest.put(row.signal(), Sql.instantOfNanos(row.newestNanos()));
      }
    }
    return new LastArrivals(newest.get("event"), newest.get("span"), newest.get("log"), newest.get("metric"));
  }
}
