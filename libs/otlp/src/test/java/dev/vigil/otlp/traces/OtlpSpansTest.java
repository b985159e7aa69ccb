package dev.vigil.otlp.traces;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.otlp.fixtures.Fixtures;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OtlpSpansTest {

  @Test
  void mapsTheJavaSdkTraceWithItsTreeEventsAndLinks() {
    List<Span> spans = OtlpSpans.toSpans(7, Fixtures.traces());

    assertThat(spans).hasSize(4).allSatisfy(span -> {
      assertThat(span.projectId()).isEqualTo(7);
      assertThat(span.serviceName()).isEqualTo("checkout");
      assertThat(span.source()).isEqualTo(SpanSource.OTLP);
      assertThat(span.traceId()).matches("[0-9a-f]{32}");
      assertThat(span.spanId()).matches("[0-9a-f]{16}");
      assertThat(span.resourceAttributes())
          .containsEntry("service.namespace", "shop")
          .containsEntry("telemetry.sdk.language", "java");
    });
    Map<String, Span> byName = spans.stream().collect(Collectors.toMap(Span::name, Function.identity()));
    Span producer = byName.get("enqueue order");
    Span server = byName.get("POST /checkout");
    Span client = byName.get("SELECT orders");
    Span internal = byName.get("price cart");

    assertThat(server.isRoot()).isTrue();
    assertThat(server.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(server.scopeName()).isEqualTo("dev.vigil.fixtures");
    assertThat(server.scopeVersion()).isEqualTo("1.2.3");
    assertThat(server.attributes())
        .containsEntry("http.request.method", "POST")
        .containsEntry("http.response.status_code", "500")
        .containsEntry("app.tags", "[\"a\",\"b\"]");
    assertThat(client.parentSpanId()).isEqualTo(server.spanId());
    assertThat(client.traceId()).isEqualTo(server.traceId());
    assertThat(client.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(internal.parentSpanId()).isEqualTo(client.spanId());
    assertThat(internal.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(internal.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(internal.statusMessage()).isEqualTo("pricing failed");
    assertThat(server.start()).isBeforeOrEqualTo(client.start());
    assertThat(server.end()).isAfterOrEqualTo(client.end());

    assertThat(client.events()).singleElement().satisfies(event -> {
      assertThat(event.name()).isEqualTo("query sent");
      assertThat(event.attributes()).containsEntry("db.rows", "3");
      assertThat(event.timestamp()).isBetween(client.start(), client.end());
    });
    assertThat(internal.events()).singleElement().satisfies(event -> {
      assertThat(event.name()).isEqualTo("exception");
      assertThat(event.attributes())
          .containsEntry("exception.type", "java.lang.IllegalStateException")
          .containsEntry("exception.message", "no price for sku 7")
          .containsKey("exception.stacktrace");
    });
    assertThat(client.links()).singleElement().satisfies(link -> {
      assertThat(link.traceId()).isEqualTo(producer.traceId());
      assertThat(link.spanId()).isEqualTo(producer.spanId());
      assertThat(link.attributes()).containsEntry("link.reason", "batch");
    });
  }

  @Test
  void defaultsTheServiceNameAndNeverProducesANegativeDuration() {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(kv("service.name", "")))
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(
                                io.opentelemetry.proto.trace.v1.Span.newBuilder()
                                    .setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
                                    .setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                                    .setParentSpanId(ByteString.copyFrom(new byte[8]))
                                    .setName("skewed")
                                    .setKindValue(99)
                                    .setStartTimeUnixNano(2_000_000_000L)
                                    .setEndTimeUnixNano(1_000_000_000L))))
            .build();

    Span span = OtlpSpans.toSpans(1, request).get(0);

    assertThat(span.serviceName()).isEqualTo("unknown_service");
    assertThat(span.durationNanos()).isZero();
    assertThat(span.start()).isEqualTo(Instant.ofEpochSecond(2));
    assertThat(span.kind()).isEqualTo(SpanKind.UNSPECIFIED);
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.isRoot()).isTrue();
    assertThat(span.traceId()).isEqualTo("0102030405060708090a0b0c0d0e0f10");
  }

  @Test
  void anEmptyRequestHasNoSpans() {
    assertThat(OtlpSpans.toSpans(1, ExportTraceServiceRequest.getDefaultInstance())).isEmpty();
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }
}
