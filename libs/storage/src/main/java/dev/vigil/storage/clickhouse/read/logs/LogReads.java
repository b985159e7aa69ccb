package dev.vigil.storage.clickhouse.read.logs;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The read side of logs: search, histogram, the services that log, and the records of a trace.
 * Every read is scoped by project and time range with values bound as parameters. Calls block on
 * the network.
 */
public final class LogReads {

  private final ClickHouseStorage storage;
  private final SelectLogs logs;
  private final SelectLogHistogram histogram;

  public LogReads(ClickHouseStorage storage) {
    this.storage = storage;
    this.logs = new SelectLogs(storage);
    this.histogram = new SelectLogHistogram(storage);
  }

  /** Matching records, newest first, strictly older than {@code before} when given. */
  public List<LogRecord> search(LogQuery query, LogPosition before, int limit) {
    return logs.page(query, before, limit);
  }

  /** Zero-filled counts of matching records per bucket of {@code step}, aligned to the epoch. */
  public List<LogBucket> histogram(LogQuery query, Duration step) {
    return histogram.select(query, step);
  }

  /**
   * The services that logged in [from, to), by name: the service is the second column of the
   * table's key, so this reads little beyond the project's part of the key.
   */
  public List<String> services(long projectId, Instant from, Instant to, int limit) {
    String sql =
        "SELECT DISTINCT toString(service_name) AS s FROM ${database}.logs WHERE project_id = ? AND timestamp >= "
            + Sql.NANOS + " AND timestamp < " + Sql.NANOS + " ORDER BY s LIMIT ?";
    return Sql.query(
        storage, "log services", sql, List.of(projectId, Sql.nanos(from), Sql.nanos(to), limit), rs -> rs.getString(1));
  }

  /** Records carrying the trace id in [from, to], oldest first. */
  public List<LogRecord> traceLogs(long projectId, String traceId, Instant from, Instant to, int limit) {
    return logs.trace(projectId, traceId, from, to, limit);
  }
}
