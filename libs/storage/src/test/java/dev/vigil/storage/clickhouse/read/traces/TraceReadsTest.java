package dev.vigil.storage.clickhouse.read.traces;

import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.OTHER_PROJECT;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.PROJECT;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.TRACE_A;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.TRACE_B;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trace search and trace by id against the local stack's ClickHouse, on spans stored by the writer. */
class TraceReadsTest {

  private static TelemetryFixture fixture;
  private static TraceReads reads;

  @BeforeAll
  static void seed() {
    fixture = new TelemetryFixture();
    reads = new TraceReads(fixture.storage);
  }

  @AfterAll
  static void drop() throws Exception {
    fixture.drop();
  }

  @Test
  void readsATraceByIdWithOneCopyOfEachSpanPreferringOtlp() {
    TraceSpans trace = reads.trace(PROJECT, TRACE_A, 1000).orElseThrow();
    assertThat(trace.spans()).extracting(Span::spanId)
        .containsExactly("a000000000000001", "a000000000000002", "a000000000000003", "a000000000000004");
    assertThat(trace.start()).isEqualTo(at(0));
    assertThat(trace.end()).isEqualTo(at(400));
    assertThat(trace.truncated()).isFalse();
    Span checkout = trace.spans().get(2);
    assertThat(checkout.serviceName()).isEqualTo("checkout");
    assertThat(checkout.source()).isEqualTo(SpanSource.OTLP);
    assertThat(checkout.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(checkout.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(checkout.parentSpanId()).isEqualTo("a000000000000002");
    assertThat(checkout.durationNanos()).isEqualTo(300_000_000L);
    assertThat(checkout.attributes()).containsEntry("user.tier", "gold");
    assertThat(checkout.resourceAttributes()).containsEntry("deployment.environment", "production");
    assertThat(checkout.events()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("exception");
      assertThat(e.timestamp()).isEqualTo(at(21));
      assertThat(e.attributes()).containsEntry("exception.type", "PaymentError");
    });
    assertThat(trace.spans().get(3).links()).singleElement().satisfies(l -> {
      assertThat(l.traceId()).isEqualTo(TRACE_B);
      assertThat(l.attributes()).containsEntry("link.kind", "follows");
    });
  }

  @Test
  void keepsTracesInsideTheirProjectAndTruncatesLargeOnes() {
    assertThat(reads.trace(OTHER_PROJECT, TRACE_A, 1000).orElseThrow().spans()).extracting(Span::serviceName).containsExactly("intruder");
    assertThat(reads.trace(PROJECT, "ffffffffffffffffffffffffffffffff", 1000)).isEmpty();
    TraceSpans two = reads.trace(PROJECT, TRACE_A, 2).orElseThrow();
    assertThat(two.spans()).hasSize(2);
    assertThat(two.truncated()).isTrue();
  }

  @Test
  void searchesNewestFirstWithRootsCountsAndServices() {
    List<TraceSummary> all = reads.search(query(null, null, null, null, null, List.of(), null, 10));
    assertThat(all).extracting(TraceSummary::traceId).containsExactly(TRACE_B, TRACE_A);
    TraceSummary a = all.get(1);
    assertThat(a.rootService()).isEqualTo("frontend");
    assertThat(a.rootName()).isEqualTo("GET /checkout");
    assertThat(a.start()).isEqualTo(at(0));
    assertThat(a.durationNanos()).isEqualTo(400_000_000L);
    assertThat(a.spanCount()).isEqualTo(4);
    assertThat(a.errorSpanCount()).isEqualTo(2);
    assertThat(a.services()).contains("frontend", "checkout", "payments").doesNotContain("intruder");
  }

  @Test
  void filtersByServiceOperationDurationStatusAndAttributes() {
    assertThat(ids(query("frontend", null, null, null, null, List.of(), null, 10))).containsExactly(TRACE_A);
    assertThat(ids(query("checkout", "POST /orders", null, null, null, List.of(), null, 10))).containsExactly(TRACE_B, TRACE_A);
    assertThat(ids(query(null, null, 200L, null, null, List.of(), null, 10))).containsExactly(TRACE_A);
    assertThat(ids(query(null, null, null, 60L, null, List.of(), null, 10))).containsExactly(TRACE_B);
    assertThat(ids(query("payments", null, null, 60L, null, List.of(), null, 10))).containsExactly(TRACE_B);
    assertThat(ids(query(null, null, null, null, "error", List.of(), null, 10))).containsExactly(TRACE_A);
    assertThat(ids(query(null, null, null, null, null, List.of(Map.entry("user.tier", "gold")), null, 10))).containsExactly(TRACE_A);
    assertThat(ids(query(null, null, null, null, null, List.of(Map.entry("deployment.environment", "production")), null, 10)))
        .containsExactly(TRACE_B, TRACE_A);
    assertThat(ids(query(null, null, null, null, null, List.of(Map.entry("user.tier", "")), null, 10))).containsExactly(TRACE_A);
    assertThat(ids(query(null, null, null, null, null, List.of(Map.entry("user.tier", "' OR 1=1 --")), null, 10))).isEmpty();
  }

  @Test
  void pagesWithTheLastPosition() {
    List<TraceSummary> first = reads.search(query(null, null, null, null, null, List.of(), null, 1));
    assertThat(first).extracting(TraceSummary::traceId).containsExactly(TRACE_B);
    List<TraceSummary> second = reads.search(query(null, null, null, null, null, List.of(), first.get(0).position(), 1));
    assertThat(second).extracting(TraceSummary::traceId).containsExactly(TRACE_A);
    assertThat(reads.search(query(null, null, null, null, null, List.of(), second.get(0).position(), 1))).isEmpty();
  }

  @Test
  void searchesOnlyInsideTheRange() {
    TraceQuery early = new TraceQuery(PROJECT, at(-1000), at(1000), null, null, null, null, null, List.of(), null, 10);
    assertThat(reads.search(early)).extracting(TraceSummary::traceId).containsExactly(TRACE_A);
  }

  private static List<String> ids(TraceQuery q) {
    return reads.search(q).stream().map(TraceSummary::traceId).toList();
  }

  private static TraceQuery query(
      String service, String operation, Long minMs, Long maxMs, String status, List<Map.Entry<String, String>> attrs,
      TracePosition before, int limit) {
    Instant to = Instant.now().plusSeconds(60);
    return new TraceQuery(
        PROJECT, to.minusSeconds(3600), to, service, operation, minMs == null ? null : minMs * 1_000_000L,
        maxMs == null ? null : maxMs * 1_000_000L, status, attrs, before, limit);
  }
}
