package dev.vigil.otlp.logs;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.otlp.common.Attributes;
import dev.vigil.otlp.common.Ids;
import dev.vigil.otlp.common.Resources;
import dev.vigil.otlp.common.UnixNanos;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Flattens an OTLP logs export into Vigil log records with replay-stable ids. */
public final class OtlpLogs {

  private OtlpLogs() {}

  /**
   * Like {@link #toLogs(long, ExportLogsServiceRequest, long, Instant)} with the current time as the
   * fallback timestamp. Prefer the other overload with the time the edge received the record, so a
   * replay produces identical rows.
   */
  public static List<LogRecord> toLogs(long projectId, ExportLogsServiceRequest request, long idSeed) {
    return toLogs(projectId, request, idSeed, Instant.now());
  }

  /**
   * Every log record of the request, in request order. The i-th record (counted across all resources
   * and scopes, from 0) gets the id {@link LogIds#id(long, int) LogIds.id(idSeed, i)}. The timestamp is
   * the record's time, else its observed time, else {@code receivedAt}; the observed time falls back
   * to the timestamp.
   */
  public static List<LogRecord> toLogs(
      long projectId, ExportLogsServiceRequest request, long idSeed, Instant receivedAt) {
    return toLogs(projectId, request, idSeed, receivedAt, UnaryOperator.identity());
  }

  /**
   * Like {@link #toLogs(long, ExportLogsServiceRequest, long, Instant)}, each resource's attributes
   * first passed through {@code resources} (which returns the attributes to store).
   */
  public static List<LogRecord> toLogs(long projectId, ExportLogsServiceRequest request, long idSeed,
      Instant receivedAt, UnaryOperator<Map<String, String>> resources) {
    List<LogRecord> logs = new ArrayList<>();
    long receivedNanos = UnixNanos.of(receivedAt);
    for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
      Map<String, String> resource = resources.apply(Attributes.toMap(resourceLogs.getResource().getAttributesList()));
      String serviceName = Resources.serviceName(resource);
      for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
        InstrumentationScope scope = scopeLogs.getScope();
        for (io.opentelemetry.proto.logs.v1.LogRecord log : scopeLogs.getLogRecordsList()) {
          long observed = log.getObservedTimeUnixNano();
          long time = log.getTimeUnixNano() != 0 ? log.getTimeUnixNano() : observed != 0 ? observed : receivedNanos;
          logs.add(
              new LogRecord(
                  projectId,
                  LogIds.id(idSeed, logs.size()),
                  UnixNanos.toInstant(time),
                  UnixNanos.toInstant(observed != 0 ? observed : time),
                  Ids.hex(log.getTraceId()),
                  Ids.hex(log.getSpanId()),
                  log.getFlags() & 0xff,
                  log.getSeverityText(),
                  log.getSeverityNumberValue(),
                  serviceName,
                  Attributes.render(log.getBody()),
                  scope.getName(),
                  scope.getVersion(),
                  resource,
                  Attributes.toMap(log.getAttributesList()),
                  log.getEventName()));
        }
      }
    }
    return logs;
  }
}
