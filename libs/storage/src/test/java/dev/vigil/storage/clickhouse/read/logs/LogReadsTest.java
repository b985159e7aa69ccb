package dev.vigil.storage.clickhouse.read.logs;

import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.PROJECT;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.OTHER_PROJECT;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.TRACE_A;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.storage.clickhouse.read.traces.TelemetryFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Log search, histogram and a trace's logs over the fixture's records. */
class LogReadsTest {

  private static TelemetryFixture fixture;
  private static LogReads reads;
  private static final Instant TO = Instant.now().plusSeconds(60);
  private static final Instant FROM = TO.minusSeconds(3600);

  @BeforeAll
  static void seed() {
    fixture = new TelemetryFixture();
    reads = new LogReads(fixture.storage);
  }

  @AfterAll
  static void drop() throws Exception {
    fixture.drop();
  }

  @Test
  void searchesNewestFirstWithinTheProject() {
    List<LogRecord> all = reads.search(query(null, null, List.of(), List.of(), null), null, 10);
    assertThat(all).extracting(LogRecord::id).containsExactly(4L, 3L, 2L, 1L);
    LogRecord declined = all.get(3);
    assertThat(declined.body()).isEqualTo("Payment declined for order 42");
    assertThat(declined.traceId()).isEqualTo(TRACE_A);
    assertThat(declined.spanId()).isEqualTo("a000000000000003");
    assertThat(declined.severityNumber()).isEqualTo(17);
    assertThat(declined.timestamp()).isEqualTo(at(25));
    assertThat(declined.attributes()).containsEntry("order.id", "41");
    assertThat(declined.resourceAttributes()).containsEntry("service.name", "checkout");
  }

  @Test
  void pagesByTimestampAndId() {
    List<LogRecord> first = reads.search(query(null, null, List.of(), List.of(), null), null, 3);
    List<LogRecord> rest = reads.search(query(null, null, List.of(), List.of(), null), LogPosition.of(first.get(2)), 3);
    assertThat(rest).extracting(LogRecord::id).containsExactly(1L);
  }

  @Test
  void filtersByServiceSeverityTextAttributesAndTrace() {
    assertThat(ids(query("payments", null, List.of(), List.of(), null))).containsExactly(2L);
    assertThat(ids(query(null, 13, List.of(), List.of(), null))).containsExactly(3L, 1L);
    assertThat(ids(query(null, null, List.of("PAYMENT", "declined"), List.of(), null))).containsExactly(1L);
    assertThat(ids(query(null, null, List.of("payment", "placed"), List.of(), null))).isEmpty();
    assertThat(ids(query(null, null, List.of("orders_table"), List.of(), null))).containsExactly(3L);
    assertThat(ids(query(null, null, List.of("orders%"), List.of(), null))).isEmpty();
    assertThat(ids(query(null, null, List.of(), List.of(Map.entry("order.id", "42")), null))).containsExactly(2L);
    assertThat(ids(query(null, null, List.of(), List.of(Map.entry("service.name", "checkout")), null))).containsExactly(4L, 3L, 1L);
    assertThat(ids(query(null, null, List.of(), List.of(), TRACE_A))).containsExactly(2L, 1L);
  }

  @Test
  void countsPerBucketAndSeverityZeroFilled() {
    LogQuery q = new LogQuery(PROJECT, at(0).minusSeconds(60), at(0).plusSeconds(600), null, null, List.of(), List.of(), null);
    List<LogBucket> buckets = reads.histogram(q, Duration.ofMinutes(1));
    assertThat(buckets).hasSizeBetween(11, 12);
    assertThat(buckets).allSatisfy(b -> assertThat(b.t() % 60).isZero());
    assertThat(buckets.stream().mapToLong(LogBucket::count).sum()).isEqualTo(4);
    assertThat(buckets.stream().filter(b -> b.count() == 0).count()).isGreaterThanOrEqualTo(7);
    assertThat(buckets.stream().mapToLong(b -> b.bySeverity().getOrDefault("error", 0L)).sum()).isEqualTo(1);
    assertThat(buckets.stream().mapToLong(b -> b.bySeverity().getOrDefault("info", 0L)).sum()).isEqualTo(2);
  }

  @Test
  void listsTheServicesThatLoggedInTheRange() {
    assertThat(reads.services(PROJECT, FROM, TO, 10)).containsExactly("checkout", "payments");
    assertThat(reads.services(PROJECT, at(100_000), TO, 10)).containsExactly("checkout");
    assertThat(reads.services(PROJECT, FROM, TO, 1)).containsExactly("checkout");
    assertThat(reads.services(OTHER_PROJECT, FROM, TO, 10)).containsExactly("intruder");
  }

  @Test
  void readsATracesLogsOldestFirst() {
    assertThat(reads.traceLogs(PROJECT, TRACE_A, at(0), at(400), 10)).extracting(LogRecord::id).containsExactly(1L, 2L);
    assertThat(reads.traceLogs(OTHER_PROJECT, TRACE_A, at(0), at(400), 10)).extracting(LogRecord::id).containsExactly(5L);
  }

  @Test
  void idsAbove2To63RoundTripAndPageInUnsignedOrder() {
    long project = 13;
    // Log ids are xxHash64 values: half of them have the top bit set.
    List<LogRecord> records =
        List.of(Long.MIN_VALUE, 7L, -1L).stream()
            .map(id -> new LogRecord(project, id, at(50), at(50), "", "", 0, "INFO", 9, "svc", "same instant", "", "",
                Map.of(), Map.of(), ""))
            .toList();
    fixture.storage.logWriter().insert(records, "unsigned-" + java.util.UUID.randomUUID());
    LogQuery q = new LogQuery(project, FROM, TO, null, null, List.of(), List.of(), null);
    List<Long> seen = new java.util.ArrayList<>();
    LogPosition before = null;
    for (int i = 0; i < 4; i++) {
      List<LogRecord> page = reads.search(q, before, 1);
      if (page.isEmpty()) {
        break;
      }
      seen.add(page.get(0).id());
      before = LogPosition.of(page.get(0));
    }
    assertThat(seen).containsExactly(-1L, Long.MIN_VALUE, 7L);
  }

  private static List<Long> ids(LogQuery q) {
    return reads.search(q, null, 10).stream().map(LogRecord::id).toList();
  }

  private static LogQuery query(
      String service, Integer severity, List<String> tokens, List<Map.Entry<String, String>> attrs, String trace) {
    return new LogQuery(PROJECT, FROM, TO, service, severity, tokens, attrs, trace);
  }
}
