package dev.vigil.otlp.receiver.split;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplittersTest {

  private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
  private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void cutsSpansIntoOneRecordPerTraceRepeatingResourceAndScope() throws Exception {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(resource("checkout"))
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .setScope(InstrumentationScope.newBuilder().setName("io.opentelemetry.http"))
                            .addSpans(span(TRACE_A, "00f067aa0ba902b7", "a1"))
                            .addSpans(span(TRACE_B, "00f067aa0ba902b8", "b1"))
                            .addSpans(span(TRACE_A, "00f067aa0ba902b9", "a2"))))
            .addResourceSpans(
                ResourceSpans.newBuilder().setResource(resource("payments")).addScopeSpans(ScopeSpans.newBuilder().addSpans(span(TRACE_A, "00f067aa0ba902ba", "a3"))))
            .build();

    Split split = TraceSplitter.split(request);

    assertThat(split.accepted()).isEqualTo(4);
    assertThat(split.rejected()).isZero();
    assertThat(split.records()).extracting(KeyedRecord::key).containsExactly(TRACE_A, TRACE_B);
    ExportTraceServiceRequest a = ExportTraceServiceRequest.parseFrom(split.records().get(0).value());
    assertThat(a.getResourceSpansList()).hasSize(2);
    assertThat(a.getResourceSpans(0).getResource()).isEqualTo(resource("checkout"));
    assertThat(a.getResourceSpans(0).getScopeSpans(0).getScope().getName()).isEqualTo("io.opentelemetry.http");
    assertThat(a.getResourceSpans(0).getScopeSpans(0).getSpansList()).extracting(Span::getName).containsExactly("a1", "a2");
    assertThat(a.getResourceSpans(1).getScopeSpans(0).getSpans(0).getName()).isEqualTo("a3");
    ExportTraceServiceRequest b = ExportTraceServiceRequest.parseFrom(split.records().get(1).value());
    assertThat(b.getResourceSpans(0).getScopeSpans(0).getSpansList()).extracting(Span::getName).containsExactly("b1");
  }

  @Test
  void rejectsSpansWithMalformedIdsAndKeepsTheRest() {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(span("0af76519", "00f067aa0ba902b7", "short trace id"))
                            .addSpans(span(TRACE_A, "00f067", "short span id"))
                            .addSpans(span(TRACE_A, "00f067aa0ba902b7", "good").toBuilder().setParentSpanId(ByteString.copyFrom(new byte[3])).build())
                            .addSpans(span(TRACE_A, "00f067aa0ba902b7", "good"))))
            .build();

    Split split = TraceSplitter.split(request);

    assertThat(split.accepted()).isEqualTo(1);
    assertThat(split.rejected()).isEqualTo(3);
    assertThat(split.errorMessage())
        .startsWith("3 spans rejected: ")
        .contains("span 'short trace id': trace_id has 4 bytes (must be 16)")
        .contains("span_id has 3 bytes (must be 8)")
        .contains("parent_span_id has 3 bytes (must be 8)");
    assertThat(split.records()).hasSize(1);
  }

  @Test
  void anEmptyExportIsNothingToWrite() {
    Split split = TraceSplitter.split(ExportTraceServiceRequest.getDefaultInstance());
    assertThat(split.records()).isEmpty();
    assertThat(split.errorMessage()).isEmpty();
  }

  @Test
  void cutsLogsPerResourceBelowTheTargetSizeAndRejectsMalformedIds() throws Exception {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("app"));
    for (int i = 0; i < 10; i++) {
      scope.addLogRecords(LogRecord.newBuilder().setBody(AnyValue.newBuilder().setStringValue("x".repeat(300))));
    }
    scope.addLogRecords(LogRecord.newBuilder().setTraceId(ByteString.copyFrom(new byte[5])));
    ExportLogsServiceRequest request =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder().setResource(resource("api")).addScopeLogs(scope))
            .addResourceLogs(ResourceLogs.newBuilder().setResource(resource("worker")).addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.getDefaultInstance())))
            .build();

    Split split = LogSplitter.split(request, 1000);

    assertThat(split.accepted()).isEqualTo(11);
    assertThat(split.rejected()).isEqualTo(1);
    assertThat(split.errorMessage()).contains("trace_id has 5 bytes (must be 16)");
    assertThat(split.records()).hasSize(5); // 10 logs of ~300 bytes in 3 per record, then the worker's
    int logs = 0;
    for (KeyedRecord record : split.records()) {
      assertThat(record.key()).isNull();
      assertThat(record.value().length).isLessThan(1100);
      ExportLogsServiceRequest part = ExportLogsServiceRequest.parseFrom(record.value());
      assertThat(part.getResourceLogsList()).hasSize(1);
      assertThat(part.getResourceLogs(0).getScopeLogs(0).getScope().getName()).isEqualTo(part.getResourceLogs(0).getResource().equals(resource("api")) ? "app" : "");
      logs += part.getResourceLogs(0).getScopeLogs(0).getLogRecordsCount();
    }
    assertThat(logs).isEqualTo(11);
  }

  @Test
  void keysMetricsByProjectAndServiceIdentityAndRejectsNamelessMetrics() throws Exception {
    Resource resource =
        Resource.newBuilder()
            .addAttributes(attribute("service.namespace", "shop"))
            .addAttributes(attribute("service.name", "checkout"))
            .addAttributes(attribute("service.instance.id", "pod-1"))
            .build();
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setResource(resource)
                    .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(gauge("queue.depth", 2)).addMetrics(gauge("", 3))))
            .addResourceMetrics(ResourceMetrics.newBuilder().addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(gauge("up", 1))))
            .build();

    Split split = MetricSplitter.split(request, 42, 1 << 20);

    assertThat(split.records()).extracting(KeyedRecord::key).containsExactly("42/shop/checkout/pod-1", "42///");
    assertThat(split.accepted()).isEqualTo(3);
    assertThat(split.rejected()).isEqualTo(3);
    assertThat(split.errorMessage()).isEqualTo("3 data points rejected: a metric without a name (3 data points)");
    List<Metric> kept = ExportMetricsServiceRequest.parseFrom(split.records().get(0).value()).getResourceMetrics(0).getScopeMetrics(0).getMetricsList();
    assertThat(kept).extracting(Metric::getName).containsExactly("queue.depth");
  }

  @Test
  void cutsALargeResourceOfMetricsIntoSeveralRecordsWithTheSameKey() {
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder();
    for (int i = 0; i < 20; i++) {
      scope.addMetrics(gauge("m" + i, 50));
    }
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder().setResource(resource("api")).addScopeMetrics(scope)).build();

    Split split = MetricSplitter.split(request, 1, 2000);

    assertThat(split.records().size()).isGreaterThan(1);
    assertThat(split.records()).extracting(KeyedRecord::key).containsOnly("1//api/");
    assertThat(split.accepted()).isEqualTo(1000);
  }

  private static Span span(String traceId, String spanId, String name) {
    return Span.newBuilder()
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanId)))
        .setName(name)
        .build();
  }

  private static Resource resource(String service) {
    return Resource.newBuilder().addAttributes(attribute("service.name", service)).build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static Metric gauge(String name, int points) {
    Gauge.Builder gauge = Gauge.newBuilder();
    for (int i = 0; i < points; i++) {
      gauge.addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(i).setAsDouble(i));
    }
    return Metric.newBuilder().setName(name).setGauge(gauge).build();
  }
}
