package dev.vigil.storage.clickhouse.read.services;

import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.OTHER_PROJECT;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.storage.clickhouse.read.traces.TelemetryFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RED figures and the service map over the fixture's two traces. */
class ServiceReadsTest {

  private static TelemetryFixture fixture;
  private static ServiceReads reads;
  private static final Instant TO = Instant.now().plusSeconds(60);
  private static final Instant FROM = TO.minusSeconds(3600);

  @BeforeAll
  static void seed() {
    fixture = new TelemetryFixture();
    reads = new ServiceReads(fixture.storage);
  }

  @AfterAll
  static void drop() throws Exception {
    fixture.drop();
  }

  @Test
  void computesRedFiguresPerServiceOnEntrySpans() {
    Map<String, RedFigures> byService =
        reads.services(PROJECT, FROM, TO).stream().collect(Collectors.toMap(RedFigures::name, Function.identity()));
    // The Sentry copy of a checkout span is an entry span of its own service name, so it is listed too.
    assertThat(byService).containsKeys("frontend", "checkout", "payments").doesNotContainKey("intruder");
    RedFigures checkout = byService.get("checkout");
    assertThat(checkout.spanCount()).isEqualTo(2);
    assertThat(checkout.errorCount()).isEqualTo(1);
    assertThat(checkout.errorRate()).isCloseTo(0.5, within(1e-9));
    assertThat(checkout.requestRate()).isCloseTo(2 / 3600.0, within(1e-9));
    assertThat(checkout.p50Ms()).isBetween(50.0, 300.0);
    assertThat(checkout.p99Ms()).isCloseTo(300.0, within(5.0));
    // The frontend's client span is not an entry span.
    assertThat(byService.get("frontend").spanCount()).isEqualTo(1);
    assertThat(byService.get("frontend").errorCount()).isZero();
    assertThat(byService.get("payments").spanCount()).isEqualTo(2);
    assertThat(reads.services(OTHER_PROJECT, FROM, TO)).extracting(RedFigures::name).containsExactly("intruder");
    assertThat(reads.services(PROJECT, FROM.minusSeconds(7200), FROM)).isEmpty();
  }

  @Test
  void computesRedFiguresPerOperation() {
    List<RedFigures> ops = reads.operations(PROJECT, "frontend", FROM, TO);
    assertThat(ops).extracting(RedFigures::name).containsExactly("GET /checkout");
    assertThat(ops.get(0).p95Ms()).isCloseTo(400.0, within(1.0));
    assertThat(reads.operations(PROJECT, "checkout", FROM, TO)).extracting(RedFigures::name).containsExactly("POST /orders");
    assertThat(reads.operations(PROJECT, "nope", FROM, TO)).isEmpty();
  }

  @Test
  void derivesTheServiceMapFromParentChildSpansAcrossServices() {
    ServiceMap map = reads.serviceMap(PROJECT, FROM, TO);
    assertThat(map.nodes()).contains("frontend", "checkout", "payments").doesNotContain("intruder");
    Map<String, ServiceEdge> edges =
        map.edges().stream().collect(Collectors.toMap(e -> e.parent() + ">" + e.child(), Function.identity()));
    assertThat(edges).containsKeys("frontend>checkout", "checkout>payments");
    assertThat(edges.get("checkout>payments").callCount()).isEqualTo(2);
    assertThat(edges.get("checkout>payments").errorCount()).isZero();
    assertThat(edges.get("frontend>checkout").errorCount()).isEqualTo(1);
    assertThat(edges.get("frontend>checkout").p95Ms()).isCloseTo(300.0, within(1.0));
  }
}
