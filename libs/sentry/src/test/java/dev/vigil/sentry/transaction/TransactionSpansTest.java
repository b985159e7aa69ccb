package dev.vigil.sentry.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.sentry.envelope.EnvelopeItem;
import dev.vigil.sentry.envelope.EnvelopeParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionSpansTest {

  private final TransactionSpans mapping = new TransactionSpans();

  @Test
  void pythonTransactionIsARootServerSpanWithItsChildren() throws Exception {
    List<Span> spans = spans("sentry-python-2.75.0-transaction.envelope");

    assertThat(spans).hasSize(3).allSatisfy(s -> {
      assertThat(s.projectId()).isEqualTo(7);
      assertThat(s.traceId()).isEqualTo("391e8def106f4aa28cda31f35a65906d");
      assertThat(s.serviceName()).isEqualTo("checkout");
      assertThat(s.source()).isEqualTo(SpanSource.SENTRY);
      assertThat(s.scopeName()).isEqualTo("sentry.python");
      assertThat(s.scopeVersion()).isEqualTo("2.75.0");
      assertThat(s.resourceAttributes()).containsEntry("service.name", "checkout")
          .containsEntry("service.version", "checkout@1.4.2")
          .containsEntry("deployment.environment", "production");
    });
    Span root = spans.get(0);
    assertThat(root.isRoot()).isTrue();
    assertThat(root.spanId()).isEqualTo("8f71a8f6aaed9474");
    assertThat(root.name()).isEqualTo("/api/orders/{id}");
    assertThat(root.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(root.statusCode()).isEqualTo(StatusCode.OK);
    // ISO-8601 timestamps in this SDK; microseconds kept.
    assertThat(root.start()).isEqualTo(Instant.parse("2026-11-22T04:35:29.686685Z"));
    assertThat(root.end()).isEqualTo(Instant.parse("2026-11-22T04:35:29.703740Z"));
    assertThat(root.attributes()).containsEntry("sentry.op", "http.server")
        .containsEntry("sentry.status", "ok")
        .containsEntry("sentry.transaction_source", "route")
        .containsEntry("sentry.environment", "production")
        .containsEntry("sentry.release", "checkout@1.4.2")
        .containsEntry("sentry.sdk.name", "sentry.python")
        .containsEntry("sentry.measurement.orders_loaded", "3")
        .containsEntry("http.request.method", "GET")
        .containsEntry("region", "eu-west-1");

    Map<String, Span> byId = byId(spans);
    Span db = byId.get("b415dba6e43499b0");
    assertThat(db.parentSpanId()).isEqualTo(root.spanId());
    assertThat(db.name()).isEqualTo("SELECT * FROM orders WHERE id = %s");
    assertThat(db.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(db.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(db.durationNanos()).isEqualTo(10_232_000L);
    assertThat(db.attributes()).containsEntry("sentry.op", "db.query").containsEntry("db.system", "postgresql");

    Span call = byId.get("b963389cc6ffade1");
    assertThat(call.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.statusMessage()).isEqualTo("not_found");
    assertThat(call.attributes()).containsEntry("peer", "inventory").containsEntry("sentry.status", "not_found");
  }

  @Test
  void nodeTransactionWithFloatSecondsAndAFailedChild() throws Exception {
    List<Span> spans = spans("sentry-node-8.55.2-transaction.envelope");

    assertThat(spans).hasSize(3);
    Span root = spans.get(0);
    assertThat(root.name()).isEqualTo("GET /users/:id");
    assertThat(root.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(root.start()).isEqualTo(Instant.parse("2026-11-22T04:35:52.219Z"));
    // 1795322152.2397265 rounded to the microsecond.
    assertThat(root.end()).isEqualTo(Instant.parse("2026-11-22T04:35:52.239727Z"));
    assertThat(root.attributes()).containsEntry("tier", "frontend-api").containsEntry("sentry.sample_rate", "1");

    Span render = byId(spans).get("6420715d8a2884cb");
    assertThat(render.name()).isEqualTo("render profile");
    assertThat(render.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(render.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(render.statusMessage()).isEqualTo("internal_error");
    assertThat(render.durationNanos()).isEqualTo(5_990_000L);
  }

  @Test
  void javaTransactionThatFailedIsAnErrorRoot() throws Exception {
    List<Span> spans = spans("sentry-java-8.20.0-transaction.envelope");

    Span root = spans.get(0);
    assertThat(root.name()).isEqualTo("POST /invoices");
    assertThat(root.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(root.statusMessage()).isEqualTo("internal_error");
    assertThat(root.start()).isEqualTo(Instant.parse("2026-11-22T04:35:58.670839Z"));
    assertThat(root.resourceAttributes()).containsEntry("service.version", "billing@3.1.0");
    assertThat(byId(spans).get("2d699e2bc4654881").name()).isEqualTo("INSERT INTO invoices VALUES (?)");
    assertThat(byId(spans).get("d14d3cf49d9a4927").kind()).isEqualTo(SpanKind.CLIENT);
  }

  @Test
  void childrenWithoutIdsOrEndAreDroppedAndOrphansHangOffTheRoot() {
    String json = """
        {"transaction":"job","start_timestamp":1700000000.0,"timestamp":1700000001.5,
         "contexts":{"trace":{"trace_id":"0123456789abcdef0123456789abcdef","span_id":"0123456789abcdef","op":"queue.task"}},
         "spans":[{"span_id":"bad","start_timestamp":1700000000.1,"timestamp":1700000000.2},
                  {"span_id":"1111111111111111","start_timestamp":1700000000.1},
                  {"span_id":"2222222222222222","op":"cache.get","start_timestamp":1700000000.1,"timestamp":1700000000.2},
                  {"span_id":"2222222222222222","start_timestamp":1700000000.1,"timestamp":1700000000.2}]}
        """;
    List<Span> spans = mapping.toSpans(json.getBytes(StandardCharsets.UTF_8), 1, "worker");

    assertThat(spans).extracting(Span::spanId).containsExactly("0123456789abcdef", "2222222222222222");
    assertThat(spans.get(0).kind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(spans.get(0).durationNanos()).isEqualTo(1_500_000_000L);
    assertThat(spans.get(0).statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(spans.get(1).parentSpanId()).isEqualTo("0123456789abcdef");
    assertThat(spans.get(1).name()).isEqualTo("cache.get");
    assertThat(spans.get(1).kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(spans.get(1).resourceAttributes()).containsOnly(Map.entry("service.name", "worker"));
  }

  @Test
  void rejectsPayloadsWithoutTraceContextOrTimes() {
    assertThatThrownBy(() -> mapping.toSpans("not json".getBytes(StandardCharsets.UTF_8), 1, "s"))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> mapping.toSpans("[1]".getBytes(StandardCharsets.UTF_8), 1, "s"))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> mapping.toSpans(
        "{\"start_timestamp\":1,\"timestamp\":2,\"contexts\":{\"trace\":{\"trace_id\":\"xyz\",\"span_id\":\"0123456789abcdef\"}}}"
            .getBytes(StandardCharsets.UTF_8), 1, "s"))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("trace_id");
    assertThatThrownBy(() -> mapping.toSpans(
        "{\"contexts\":{\"trace\":{\"trace_id\":\"0123456789abcdef0123456789abcdef\",\"span_id\":\"0123456789abcdef\"}}}"
            .getBytes(StandardCharsets.UTF_8), 1, "s"))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("start_timestamp");
  }

  @Test
  void hugeAttributeValuesAreCut() {
    String big = "x".repeat(100_000);
    String json = "{\"start_timestamp\":1700000000,\"timestamp\":1700000001,\"contexts\":{\"trace\":{"
        + "\"trace_id\":\"0123456789abcdef0123456789abcdef\",\"span_id\":\"0123456789abcdef\",\"data\":{\"payload\":\""
        + big + "\",\"nested\":{\"a\":[1,2]}}}}}";
    Span root = mapping.toSpans(json.getBytes(StandardCharsets.UTF_8), 1, "s").get(0);
    assertThat(root.attributes().get("payload")).hasSize(Attributes.MAX_VALUE).endsWith("...");
    assertThat(root.attributes()).containsEntry("nested", "{\"a\":[1,2]}");
    assertThat(root.name()).isEqualTo("<unlabeled transaction>");
  }

  private List<Span> spans(String fixture) throws Exception {
    byte[] envelope;
    try (InputStream in = getClass().getResourceAsStream("/transactions/" + fixture)) {
      envelope = in.readAllBytes();
    }
    EnvelopeItem item = EnvelopeParser.parse(envelope).items().stream()
        .filter(i -> i.type().equals("transaction")).findFirst().orElseThrow();
    String service = fixture.contains("python") ? "checkout" : "svc";
    return mapping.toSpans(item.payload(), 7, service);
  }

  private static Map<String, Span> byId(List<Span> spans) {
    return spans.stream().collect(Collectors.toMap(Span::spanId, Function.identity()));
  }
}
