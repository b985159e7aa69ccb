package dev.vigil.query;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanEvent;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes telemetry the way the event-processor does (spans and logs through the storage library's
 * writers), and catalogue rows with plain SQL.
 */
public final class TelemetrySeed {

  private final ClickHouseStorage storage;

  public TelemetrySeed(ClickHouseStorage storage) {
    this.storage = storage;
  }

  public void spans(Span... spans) {
    storage.spanWriter().insert(List.of(spans), "test-" + UUID.randomUUID());
  }

  public void logs(LogRecord... records) {
    storage.logWriter().insert(List.of(records), "test-" + UUID.randomUUID());
  }

  /** One series row for today; labels as alternating keys and values (test-controlled literals). */
  public void series(long projectId, String name, String family, String type, long fingerprint, String... labels) throws Exception {
    StringBuilder map = new StringBuilder("map(");
    for (int i = 0; i < labels.length; i++) {
      map.append(i == 0 ? "" : ", ").append('\'').append(labels[i]).append('\'');
    }
    map.append(')');
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute(
          storage.qualify(
              "INSERT INTO ${database}.metric_series (project_id, date, metric_name, fingerprint, labels, family, metric_type, unit, help)"
                  + " VALUES (" + projectId + ", today(), '" + name + "', " + fingerprint + ", " + map + ", '" + family + "', '" + type
                  + "', 'seconds', 'help of " + family + "')"));
    }
  }

  /** A span with the OpenTelemetry HTTP scope and a production resource; errors carry an exception event. */
  public static Span span(
      long project, String trace, String id, String parent, String service, String name, SpanKind kind, StatusCode status,
      Instant start, long durationMillis, Map<String, String> attributes) {
    List<SpanEvent> events =
        status == StatusCode.ERROR ? List.of(new SpanEvent(start.plusMillis(1), "exception", Map.of("exception.type", "PaymentError"))) : List.of();
    return new Span(
        project, trace, id, parent, "", start, durationMillis * 1_000_000L, service, name, kind, status,
        status == StatusCode.ERROR ? "payment failed" : "", "io.opentelemetry.http", "1.0",
        Map.of("service.name", service, "deployment.environment", "production"), attributes, events, List.of(), SpanSource.OTLP);
  }

  public static LogRecord log(
      long project, long id, String trace, String span, String service, int severity, String text, String body, Instant at) {
    return new LogRecord(
        project, id, at, at, trace, span, trace.isEmpty() ? 0 : 1, text, severity, service, body, "app.logger", "",
        Map.of("service.name", service), Map.of("order.id", String.valueOf(id)), "");
  }
}
