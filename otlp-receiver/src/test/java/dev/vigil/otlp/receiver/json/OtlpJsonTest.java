package dev.vigil.otlp.receiver.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OtlpJsonTest {

  @Test
  void parsesThePublishedTraceExampleWithHexIdsAndIntegerEnums() throws Exception {
    ExportTraceServiceRequest request = OtlpJson.merge(example("trace.json"), ExportTraceServiceRequest.newBuilder()).build();

    Span span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(hex(span.getTraceId().toByteArray())).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(hex(span.getSpanId().toByteArray())).isEqualTo("eee19b7ec3c1b174");
    assertThat(hex(span.getParentSpanId().toByteArray())).isEqualTo("eee19b7ec3c1b173");
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1544712660000000000L);
    assertThat(request.getResourceSpans(0).getScopeSpans(0).getScope().getName()).isEqualTo("my.library");
  }

  @Test
  void parsesThePublishedLogsExample() throws Exception {
    ExportLogsServiceRequest request = OtlpJson.merge(example("logs.json"), ExportLogsServiceRequest.newBuilder()).build();

    LogRecord log = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(log.getBody().getStringValue()).isEqualTo("Example log record");
    assertThat(hex(log.getTraceId().toByteArray())).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(hex(log.getSpanId().toByteArray())).isEqualTo("eee19b7ec3c1b174");
    assertThat(log.getAttributesList()).hasSize(6);
    assertThat(log.getAttributes(5).getValue().getKvlistValue().getValues(0).getKey()).isEqualTo("some.map.key");
  }

  @Test
  void parsesThePublishedMetricsExample() throws Exception {
    ExportMetricsServiceRequest request =
        OtlpJson.merge(example("metrics.json"), ExportMetricsServiceRequest.newBuilder()).build();

    assertThat(request.getResourceMetrics(0).getScopeMetrics(0).getMetricsList())
        .extracting(Metric::getName)
        .containsExactly("my.counter", "my.gauge", "my.histogram");
    Metric counter = request.getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
    assertThat(counter.getSum().getIsMonotonic()).isTrue();
    assertThat(counter.getSum().getAggregationTemporalityValue()).isEqualTo(1);
    assertThat(request.getResourceMetrics(0).getScopeMetrics(0).getMetrics(2).getHistogram().getDataPoints(0).getBucketCountsList())
        .containsExactly(1L, 1L, 1L);
  }

  @Test
  void acceptsInt64AsStringsAndIgnoresUnknownFields() throws Exception {
    String json =
        """
        {"resourceSpans":[{"futureField":{"x":1},"scopeSpans":[{"spans":[
          {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"a",
           "startTimeUnixNano":"1544712660000000000","kind":3,"newThing":[1,2,3],
           "links":[{"traceId":"00000000000000000000000000000001","spanId":"0000000000000002"}]}]}]}]}
        """;
    Span span = OtlpJson.merge(bytes(json), ExportTraceServiceRequest.newBuilder()).build()
        .getResourceSpans(0).getScopeSpans(0).getSpans(0);

    assertThat(span.getStartTimeUnixNano()).isEqualTo(1544712660000000000L);
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(hex(span.getLinks(0).getTraceId().toByteArray())).isEqualTo("00000000000000000000000000000001");
    assertThat(hex(span.getLinks(0).getSpanId().toByteArray())).isEqualTo("0000000000000002");
  }

  @Test
  void acceptsAnEmptyResourceAndAnEmptyObject() throws Exception {
    assertThat(OtlpJson.merge(bytes("{}"), ExportTraceServiceRequest.newBuilder()).build().getResourceSpansCount()).isZero();
    ExportTraceServiceRequest request =
        OtlpJson.merge(bytes("{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[]}]}"), ExportTraceServiceRequest.newBuilder()).build();
    assertThat(request.getResourceSpans(0).getResource().getAttributesCount()).isZero();
  }

  @Test
  void keepsAttributeValuesOfSeveralMegabytes() throws Exception {
    String big = "x".repeat(3 * 1024 * 1024);
    String json =
        "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"" + big + "\"}}]}]}]}";
    LogRecord log = OtlpJson.merge(bytes(json), ExportLogsServiceRequest.newBuilder()).build()
        .getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(log.getBody().getStringValue()).hasSize(big.length());
  }

  @Test
  void refusesIdsThatAreNotHexOrHaveTheWrongLengthNamingTheField() {
    String nonHex = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz8efff798038103d269b633813fc60c\"}]}]}]}";
    assertThatThrownBy(() -> OtlpJson.merge(bytes(nonHex), ExportTraceServiceRequest.newBuilder()))
        .isInstanceOf(InvalidOtlpJsonException.class)
        .hasMessage("invalid traceId at resourceSpans[0].scopeSpans[0].spans[0]: not hexadecimal");

    String shortId = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{},{\"spanId\":\"abcd\"}]}]}]}";
    assertThatThrownBy(() -> OtlpJson.merge(bytes(shortId), ExportLogsServiceRequest.newBuilder()))
        .isInstanceOf(InvalidOtlpJsonException.class)
        .hasMessage("invalid spanId at resourceLogs[0].scopeLogs[0].logRecords[1]: expected 16 hex characters, got 4");
  }

  @Test
  void refusesBodiesThatAreNotOtlpJson() {
    assertThatThrownBy(() -> OtlpJson.merge(bytes("{\"resourceSpans\":"), ExportTraceServiceRequest.newBuilder()))
        .isInstanceOf(InvalidOtlpJsonException.class)
        .hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> OtlpJson.merge(bytes("[1]"), ExportTraceServiceRequest.newBuilder()))
        .isInstanceOf(InvalidOtlpJsonException.class);
    assertThatThrownBy(() -> OtlpJson.merge(bytes("{\"resourceSpans\":5}"), ExportTraceServiceRequest.newBuilder()))
        .isInstanceOf(InvalidOtlpJsonException.class)
        .hasMessageStartingWith("invalid OTLP/JSON");
  }

  @Test
  void printsIdsAsHexAndEnumsAsIntegersSoItRoundTrips() throws Exception {
    ExportTraceServiceRequest request = OtlpJson.merge(example("trace.json"), ExportTraceServiceRequest.newBuilder()).build();

    String printed = OtlpJson.print(request);

    assertThat(printed).contains("\"traceId\":\"5b8efff798038103d269b633813fc60c\"").contains("\"kind\":2");
    assertThat(OtlpJson.merge(bytes(printed), ExportTraceServiceRequest.newBuilder()).build()).isEqualTo(request);
  }

  @Test
  void printsPartialSuccessInCamelCase() {
    ExportTraceServiceResponse response =
        ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(2).setErrorMessage("bad ids"))
            .build();
    assertThat(OtlpJson.print(response)).isEqualTo("{\"partialSuccess\":{\"rejectedSpans\":\"2\",\"errorMessage\":\"bad ids\"}}");
  }

  private static byte[] example(String name) throws IOException {
    try (InputStream in = OtlpJsonTest.class.getResourceAsStream("/otlp-examples/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
