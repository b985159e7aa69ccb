package dev.vigil.storage.clickhouse.read.logs;

import dev.vigil.domain.telemetry.LogRecord;
import java.time.Instant;

/** A log record's place in newest-first order: its timestamp, then its id. */
public record LogPosition(long timestampNanos, long logId) {

  /** The position of a record read from storage. */
  public static LogPosition of(LogRecord record) {
    Instant t = record.timestamp();
    return new LogPosition(t.getEpochSecond() * 1_000_000_000L + t.getNano(), record.id());
  }
}
