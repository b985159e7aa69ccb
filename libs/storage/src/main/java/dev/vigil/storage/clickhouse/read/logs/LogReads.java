package dev.vigil.storage.clickhouse.read.logs;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The read side of logs: search, histogram, and the records of a trace. Every read is scoped by
 * project and time range with values bound as parameters. Calls block on the network.
 */
public final class LogReads {

  private final SelectLogs logs;
  private final SelectLogHistogram histogram;

  public LogReads(ClickHouseStorage storage) {
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

  /** Records carrying the trace id in [from, to], oldest first. */
  public List<LogRecord> traceLogs(long projectId, String traceId, Instant from, Instant to, int limit) {
    return logs.trace(projectId, traceId, from, to, limit);
  }
}
