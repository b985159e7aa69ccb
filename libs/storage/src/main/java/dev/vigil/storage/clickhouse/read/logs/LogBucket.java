package dev.vigil.storage.clickhouse.read.logs;

import java.util.Map;

/**
 * Log records in the bucket starting at {@code t} (epoch seconds, UTC), in total and per severity
 * level ("trace", "debug", "info", "warn", "error", "fatal", "unspecified"; absent levels omitted).
 */
public record LogBucket(long t, long count, Map<String, Long> bySeverity) {

  public LogBucket {
    bySeverity = Map.copyOf(bySeverity);
  }
}
