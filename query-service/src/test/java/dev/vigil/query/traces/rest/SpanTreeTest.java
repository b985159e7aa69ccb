package dev.vigil.query.traces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanTreeTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void ordersDepthFirstWithSiblingsByStart() {
    List<SpanJson> spans =
        SpanTree.flatten(List.of(span("c2", "root", 30), span("root", "", 0), span("c1", "root", 10), span("g1", "c1", 15)));
    assertThat(spans).extracting(SpanJson::spanId).containsExactly("root", "c1", "g1", "c2");
    assertThat(spans).extracting(SpanJson::depth).containsExactly(0, 1, 2, 1);
    assertThat(spans.get(0).childSpanIds()).containsExactly("c1", "c2");
    assertThat(spans.get(0).parentSpanId()).isNull();
    assertThat(spans).noneMatch(SpanJson::orphan);
  }

  @Test
  void startsOrphansAndCyclesAtDepthZeroWithoutDroppingThem() {
    List<SpanJson> spans =
        SpanTree.flatten(List.of(span("root", "", 0), span("lost", "missing", 5), span("x", "y", 7), span("y", "x", 8)));
    assertThat(spans).extracting(SpanJson::spanId).containsExactly("root", "lost", "x", "y");
    assertThat(spans.get(1).orphan()).isTrue();
    assertThat(spans.get(1).depth()).isZero();
    assertThat(spans.get(1).parentSpanId()).isEqualTo("missing");
    assertThat(spans.subList(2, 4)).allMatch(SpanJson::orphan);
  }

  private static Span span(String id, String parent, long startMillis) {
    return new Span(
        1, "0af7651916cd43dd8448eb211c80319c", id, parent, "", T0.plusMillis(startMillis), 1_000_000, "svc", "op " + id,
        SpanKind.INTERNAL, StatusCode.UNSET, "", "", "", Map.of(), Map.of(), List.of(), List.of(), SpanSource.OTLP);
  }
}
