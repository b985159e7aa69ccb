package dev.vigil.otlp.receiver.split;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a logs export into unkeyed records of one resource each, starting a new record before one
 * would pass {@code targetBytes} (see Topics.OTLP_LOGS); drops log records with malformed ids.
 */
public final class LogSplitter {

  private LogSplitter() {}

  public static Split split(ExportLogsServiceRequest request, long targetBytes) {
    Rejections rejections = new Rejections("log records");
    List<KeyedRecord> records = new ArrayList<>();
    long accepted = 0;
    for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
      Chunk chunk = null;
      for (int s = 0; s < resourceLogs.getScopeLogsCount(); s++) {
        ScopeLogs scopeLogs = resourceLogs.getScopeLogs(s);
        for (LogRecord log : scopeLogs.getLogRecordsList()) {
          String problem = Ids.problem("trace_id", log.getTraceId(), Ids.TRACE_ID_BYTES, false);
          if (problem == null) {
            problem = Ids.problem("span_id", log.getSpanId(), Ids.SPAN_ID_BYTES, false);
          }
          if (problem != null) {
            rejections.reject(1, "log record: " + problem);
            continue;
          }
          // Field tag and length prefix: a few bytes per record on top of its own size.
          long size = log.getSerializedSize() + 6L;
          if (chunk != null && chunk.bytes + size > targetBytes) {
            records.add(chunk.record());
            chunk = null;
          }
          if (chunk == null) {
            chunk = new Chunk(resourceLogs);
          }
          chunk.add(s, scopeLogs, log, size);
          accepted++;
        }
      }
      if (chunk != null) {
        records.add(chunk.record());
      }
    }
    return new Split(records, accepted, rejections.count(), rejections.message());
  }

  /** One record under construction: a resource with the scopes and log records added so far. */
  private static final class Chunk {
    final ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
    final ResourceLogs.Builder resource;
    ScopeLogs.Builder scope;
    int lastScope = -1;
    long bytes;

    Chunk(ResourceLogs resourceLogs) {
      resource =
          request.addResourceLogsBuilder().setResource(resourceLogs.getResource()).setSchemaUrl(resourceLogs.getSchemaUrl());
      bytes = resourceLogs.getResource().getSerializedSize();
    }

    void add(int s, ScopeLogs scopeLogs, LogRecord log, long size) {
      if (s != lastScope) {
        scope = resource.addScopeLogsBuilder().setScope(scopeLogs.getScope()).setSchemaUrl(scopeLogs.getSchemaUrl());
        lastScope = s;
        bytes += scopeLogs.getScope().getSerializedSize();
      }
      scope.addLogRecords(log);
      bytes += size;
    }

    KeyedRecord record() {
      return new KeyedRecord(null, request.build().toByteArray());
    }
  }
}
