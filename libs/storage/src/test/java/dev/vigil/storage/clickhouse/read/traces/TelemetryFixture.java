package dev.vigil.storage.clickhouse.read.traces;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanEvent;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanLink;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two traces of three services (frontend → checkout → payments, and checkout → payments) in project
 * {@link #PROJECT}, a foreign project's spans under the same trace id, and logs written during the
 * first trace; stored through the storage library's writers in a fresh database.
 */
public final class TelemetryFixture {

  public static final long PROJECT = 11;
  public static final long OTHER_PROJECT = 12;
  public static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
  public static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";
  public static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);

  public final ClickHouseStorage storage;

  public TelemetryFixture() {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    List<Span> spans =
        List.of(
            // Trace A: GET /checkout on frontend, 400 ms, calls checkout which fails calling payments.
            span(PROJECT, TRACE_A, "a000000000000001", "", "frontend", "GET /checkout", SpanKind.SERVER, StatusCode.UNSET, 0, 400,
                Map.of("http.route", "/checkout"), SpanSource.OTLP),
            span(PROJECT, TRACE_A, "a000000000000002", "a000000000000001", "frontend", "POST checkout", SpanKind.CLIENT, StatusCode.ERROR, 10, 350,
                Map.of(), SpanSource.OTLP),
            span(PROJECT, TRACE_A, "a000000000000003", "a000000000000002", "checkout", "POST /orders", SpanKind.SERVER, StatusCode.ERROR, 20, 300,
                Map.of("http.route", "/orders", "user.tier", "gold"), SpanSource.OTLP),
            span(PROJECT, TRACE_A, "a000000000000004", "a000000000000003", "payments", "charge", SpanKind.SERVER, StatusCode.OK, 30, 100,
                Map.of(), SpanSource.OTLP),
            // Trace B, 5 minutes later: checkout → payments, fine.
            span(PROJECT, TRACE_B, "b000000000000001", "", "checkout", "POST /orders", SpanKind.SERVER, StatusCode.UNSET, 300_000, 50,
                Map.of("http.route", "/orders"), SpanSource.OTLP),
            span(PROJECT, TRACE_B, "b000000000000002", "b000000000000001", "payments", "charge", SpanKind.SERVER, StatusCode.UNSET, 300_010, 20,
                Map.of(), SpanSource.OTLP),
            // Another project reusing trace A's id must never show up in project PROJECT.
            span(OTHER_PROJECT, TRACE_A, "c000000000000001", "", "intruder", "GET /secret", SpanKind.SERVER, StatusCode.ERROR, 5, 10,
                Map.of(), SpanSource.OTLP));
    storage.spanWriter().insert(spans, "fixture-" + UUID.randomUUID());
    // The checkout span also arrived as part of a Sentry transaction; the OTLP copy must win.
    Span sentryCopy =
        span(PROJECT, TRACE_A, "a000000000000003", "a000000000000002", "checkout-sentry", "POST /orders", SpanKind.SERVER, StatusCode.ERROR,
            20, 300, Map.of(), SpanSource.SENTRY);
    storage.spanWriter().insert(List.of(sentryCopy), "fixture-" + UUID.randomUUID());
    writeLogs();
  }

  /**
   * Writes the fixture's log records (again, when called a second time: as a replayed Kafka batch with a
   * new deduplication token is stored twice until ClickHouse merges it).
   */
  public void writeLogs() {
    storage.logWriter().insert(
        List.of(
            log(PROJECT, 1, TRACE_A, "a000000000000003", "checkout", 17, "ERROR", "Payment declined for order 42", 25),
            log(PROJECT, 2, TRACE_A, "a000000000000004", "payments", 9, "INFO", "charging card ending 4242", 35),
            log(PROJECT, 3, "", "", "checkout", 13, "WARN", "Slow query on orders_table took 2s", 120_000),
            log(PROJECT, 4, TRACE_B, "b000000000000001", "checkout", 9, "INFO", "order 43 placed", 300_005),
            log(OTHER_PROJECT, 5, TRACE_A, "c000000000000001", "intruder", 17, "ERROR", "Payment declined secret", 25)),
        "fixture-" + UUID.randomUUID());
  }

  public void drop() throws Exception {
    TestDatabases.drop(storage);
  }

  public static Instant at(long millisAfterT0) {
    return T0.plusMillis(millisAfterT0);
  }

  static Span span(
      long project, String trace, String id, String parent, String service, String name, SpanKind kind, StatusCode status,
      long startMillis, long durationMillis, Map<String, String> attributes, SpanSource source) {
    List<SpanEvent> events =
        status == StatusCode.ERROR
            ? List.of(new SpanEvent(at(startMillis + 1), "exception", Map.of("exception.type", "PaymentError")))
            : List.of();
    List<SpanLink> links =
        id.endsWith("4") ? List.of(new SpanLink(TRACE_B, "b000000000000001", "", Map.of("link.kind", "follows"))) : List.of();
    return new Span(
        project, trace, id, parent, "", at(startMillis), durationMillis * 1_000_000L, service, name, kind, status,
        status == StatusCode.ERROR ? "boom" : "", "io.opentelemetry.http", "1.0",
        Map.of("service.name", service, "deployment.environment", "production"), attributes, events, links, source);
  }

  static LogRecord log(
      long project, long id, String trace, String span, String service, int severity, String text, String body, long atMillis) {
    return new LogRecord(
        project, id, at(atMillis), at(atMillis), trace, span, 1, text, severity, service, body, "app.logger", "",
        Map.of("service.name", service), Map.of("order.id", String.valueOf(40 + id)), "");
  }
}
