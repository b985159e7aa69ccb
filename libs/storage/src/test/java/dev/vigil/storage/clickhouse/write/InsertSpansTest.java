package dev.vigil.storage.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanEvent;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanLink;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.Timestamps;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InsertSpansTest {

  // Recent, because the table's 30-day TTL may drop older rows as they are written.
  private static final Instant YESTERDAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);

  private static ClickHouseStorage storage;
  private static InsertSpans writer;

  @BeforeAll
  static void migrate() {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    writer = new InsertSpans(storage);
  }

  @AfterAll
  static void drop() throws Exception {
    TestDatabases.drop(storage);
  }

  @Test
  void storesEveryColumnWithEventsLinksAndAttributes() throws Exception {
    long project = 2001;
    String traceId = hex(16);
    String linkedTrace = hex(16);
    Instant start = YESTERDAY.plusNanos(123_456_789);
    Span span =
        new Span(project, traceId, "00f067aa0ba902b7", "53995c3f42cd8ad8", "vendor=x", start, 1_500_000_001L,
            "checkout", "GET /cart/{id}", SpanKind.SERVER, StatusCode.ERROR, "it's \"broken\"\nbadly",
            "io.opentelemetry.tomcat-10.0", "2.10.0-alpha",
            Map.of("service.name", "checkout", "host.name", "web-1"),
            Map.of("http.route", "/cart/{id}", "http.response.status_code", "500", "tags", "[\"a\",\"b\"]"),
            List.of(
                new SpanEvent(start.plusNanos(1), "exception", Map.of("exception.type", "IllegalStateException")),
                new SpanEvent(start.plusMillis(2), "retry", Map.of())),
            List.of(new SpanLink(linkedTrace, "1111111111111111", "k=v", Map.of("link.kind", "batch"))),
            SpanSource.OTLP);

    writer.insert(List.of(span), "spans-read-back");

    assertThat(Rows.query(storage,
            "SELECT toString(timestamp), trace_id, span_id, parent_span_id, trace_state, service_name, span_name,"
                + " span_kind, duration_ns, status_code, status_message, scope_name, scope_version,"
                + " resource_attributes['host.name'], length(resource_attributes), span_attributes['http.route'],"
                + " span_attributes['tags'], length(span_attributes), toString(`events.timestamp`),"
                + " toString(`events.name`), `events.attributes`[1]['exception.type'], length(`events.attributes`[2]),"
                + " toString(`links.trace_id`), toString(`links.span_id`), toString(`links.trace_state`),"
                + " `links.attributes`[1]['link.kind'], source"
                + " FROM ${database}.spans WHERE project_id = " + project))
        .containsExactly(List.of(
            Timestamps.nanos(start), traceId, "00f067aa0ba902b7", "53995c3f42cd8ad8", "vendor=x", "checkout",
            "GET /cart/{id}", "server", "1500000001", "error", "it's \"broken\"\nbadly",
            "io.opentelemetry.tomcat-10.0", "2.10.0-alpha", "web-1", "2", "/cart/{id}", "[\"a\",\"b\"]", "3",
            "['" + Timestamps.nanos(start.plusNanos(1)) + "','" + Timestamps.nanos(start.plusMillis(2)) + "']",
            "['exception','retry']", "IllegalStateException", "0", "['" + linkedTrace + "']",
            "['1111111111111111']", "['k=v']", "batch", "otlp"));
  }

  @Test
  void storesASpanWithoutEventsLinksOrParentAsEmptyValues() throws Exception {
    long project = 2002;
    Span root =
        new Span(project, hex(16), hex(8), "", "", YESTERDAY, 10, "svc", "root", SpanKind.UNSPECIFIED,
            StatusCode.UNSET, "", "", "", Map.of(), Map.of(), List.of(), List.of(), SpanSource.SENTRY);

    writer.insert(List.of(root), "spans-empty");

    assertThat(Rows.query(storage,
            "SELECT parent_span_id, span_kind, status_code, length(`events.name`), length(`links.span_id`),"
                + " length(span_attributes), source FROM ${database}.spans WHERE project_id = " + project))
        .containsExactly(List.of("", "unspecified", "unset", "0", "0", "0", "sentry"));
  }

  @Test
  void aBatchReplayedWithTheSameTokenIsStoredOnce() throws Exception {
    long project = 2003;
    List<Span> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // Two days, so the insert is split into two partitions (two blocks) and both must be deduplicated.
      batch.add(span(project, hex(16), YESTERDAY.minus(i % 2, ChronoUnit.DAYS).plusSeconds(i), 1_000));
    }

    writer.insert(batch, "vigil.otlp.spans-0:10-59");
    writer.insert(batch, "vigil.otlp.spans-0:10-59");

    // No FINAL: the rows must not have been written twice, not merely collapsed later.
    assertThat(Rows.query(storage, "SELECT count(), uniqExact(span_id) FROM ${database}.spans WHERE project_id = " + project))
        .containsExactly(List.of("50", "50"));
  }

  @Test
  void theSameSpanInTwoBatchesCollapsesOnMerge() throws Exception {
    long project = 2004;
    Span span = span(project, hex(16), YESTERDAY.plusSeconds(5), 1_000);

    writer.insert(List.of(span), "spans-a");
    writer.insert(List.of(span), "spans-b");
    assertThat(Rows.query(storage, "SELECT count() FROM ${database}.spans WHERE project_id = " + project))
        .containsExactly(List.of("2"));
    Rows.execute(storage, "OPTIMIZE TABLE ${database}.spans FINAL");

    assertThat(Rows.query(storage, "SELECT count() FROM ${database}.spans WHERE project_id = " + project))
        .containsExactly(List.of("1"));
  }

  @Test
  void theTraceIndexHoldsEachTracesEarliestStartAndLatestEnd() throws Exception {
    long project = 2005;
    String trace = hex(16);
    String other = hex(16);
    Instant t0 = YESTERDAY.plusSeconds(100).plusNanos(7);
    // The same trace arrives in two batches; the longest span is not the first one.
    writer.insert(List.of(span(project, trace, t0.plusMillis(5), 1_000), span(project, other, t0, 1)), "idx-1");
    writer.insert(List.of(span(project, trace, t0, 2_000), span(project, trace, t0.plusMillis(1), 9_000_000_000L)),
        "idx-2");

    assertThat(Rows.query(storage,
            "SELECT trace_id, toString(min(start)), toString(max(end)) FROM ${database}.trace_index"
                + " WHERE project_id = " + project + " GROUP BY trace_id ORDER BY trace_id = '" + other + "'"))
        .containsExactly(
            List.of(trace, Timestamps.nanos(t0), Timestamps.nanos(t0.plusMillis(1).plusNanos(9_000_000_000L))),
            List.of(other, Timestamps.nanos(t0), Timestamps.nanos(t0.plusNanos(1))));
  }

  @Test
  void failsClearlyWhenClickHouseIsDown() {
    ClickHouseStorage down =
        new ClickHouseStorage("jdbc:clickhouse:http://127.0.0.1:1/default", storage.database(), "default", "");

    assertThatThrownBy(() -> new InsertSpans(down).insert(List.of(span(1, hex(16), YESTERDAY, 1)), "t-down"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("insert of 1 spans failed at jdbc:clickhouse:http://127.0.0.1:1/default")
        .satisfies(e -> assertThat(((StorageException) e).rejected()).as("down is retryable").isFalse());
  }

  @Test
  void storesRowsWhoseBinaryFormContainsNewlinePairs() throws Exception {
    long project = 2006;
    // A start whose nanosecond timestamp ends in the bytes 0x0A 0x0A (RowBinary is little-endian):
    // the development endpoint once cut the insert there.
    long nanos = (YESTERDAY.getEpochSecond() * 1_000_000_000L) & ~0xFFFFL | 0x0A0AL;
    Instant start = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    writer.insert(List.of(span(project, hex(16), start, 0x0A0A0A0AL), span(project, hex(16), start, 7)), "spans-newlines");

    assertThat(Rows.query(storage, "SELECT duration_ns, toUnixTimestamp64Nano(timestamp) FROM ${database}.spans"
            + " WHERE project_id = " + project + " ORDER BY duration_ns"))
        .containsExactly(List.of("7", String.valueOf(nanos)), List.of(String.valueOf(0x0A0A0A0AL), String.valueOf(nanos)));
  }

  @Test
  void dataTheServerCannotReadIsARejectionNotAnOutage() {
    // Three bytes where a RowBinary row of spans starts with an 8-byte project id.
    Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () ->
        storage.client().insert("spans", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}),
            com.clickhouse.data.ClickHouseFormat.RowBinary,
            new com.clickhouse.client.api.insert.InsertSettings().setDatabase(storage.database())).get().close());

    StorageException e = storage.failed("insert of garbage", refused);
    assertThat(e.rejected()).as("%s", e.getMessage()).isTrue();
    assertThat(storage.failed("insert", new java.io.IOException("Connection refused")).rejected()).isFalse();
  }

  @Test
  void rejectsTokensThatWouldNeedQuoting() {
    assertThatThrownBy(() -> writer.insert(List.of(), "x' OR 1")).isInstanceOf(IllegalArgumentException.class);
  }

  static Span span(long project, String traceId, Instant start, long durationNanos) {
    return new Span(project, traceId, hex(8), hex(8), "", start, durationNanos, "svc", "op", SpanKind.INTERNAL,
        StatusCode.OK, "", "scope", "1.0", Map.of("service.name", "svc"), Map.of("k", "v"), List.of(), List.of(),
        SpanSource.OTLP);
  }

  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
