package dev.vigil.storage;

import dev.vigil.domain.telemetry.LogRecord;
import java.util.List;

/** Write side of log storage. */
public interface LogWriter {

  /** Stores the records as one batch; same contract as {@link EventWriter#insert}, records identified by id. */
  void insert(List<LogRecord> records, String deduplicationToken);
}
