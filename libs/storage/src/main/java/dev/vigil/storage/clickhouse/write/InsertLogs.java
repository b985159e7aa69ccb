package dev.vigil.storage.clickhouse.write;

import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.storage.LogWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.List;

/**
 * Inserts log records into {@code <database>.logs} as one RowBinary INSERT per call, deduplicated by the
 * caller's token (see {@link RowBinaryInsert}).
 */
public final class InsertLogs implements LogWriter {

  private final RowBinaryInsert<LogRecord> insert;

  public InsertLogs(ClickHouseStorage storage) {
    this.insert = new RowBinaryInsert<>(storage, "logs", "log records", InsertLogs::write);
  }

  @Override
  public void insert(List<LogRecord> records, String deduplicationToken) {
    DeduplicationTokens.check(deduplicationToken);
    insert.insert(records, deduplicationToken);
  }

  private static void write(RowBinaryFormatWriter w, LogRecord r) {
    w.setLong("project_id", r.projectId());
    w.setDateTime("timestamp", Values.utc(r.timestamp()));
    w.setDateTime("observed_timestamp", Values.utc(r.observedTimestamp()));
    // UInt64 written by its bits: a processor may use the whole 64-bit range for ids.
    w.setLong("log_id", r.id());
    w.setString("trace_id", Values.text(r.traceId()));
    w.setString("span_id", Values.text(r.spanId()));
    // UInt8 columns: OTLP's flags and severity numbers fit in a byte (the flags' upper bits are reserved).
    w.setInteger("trace_flags", r.traceFlags() & 0xff);
    w.setString("severity_text", Values.text(r.severityText()));
    w.setInteger("severity_number", r.severityNumber() & 0xff);
    w.setString("service_name", Values.text(r.serviceName()));
    w.setString("body", Values.text(r.body()));
    w.setString("scope_name", Values.text(r.scopeName()));
    w.setString("scope_version", Values.text(r.scopeVersion()));
    w.setValue("resource_attributes", r.resourceAttributes());
    w.setValue("log_attributes", r.attributes());
    w.setString("event_name", Values.text(r.eventName()));
  }
}
