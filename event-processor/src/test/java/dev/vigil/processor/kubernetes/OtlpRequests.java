package dev.vigil.processor.kubernetes;

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
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.Map;

/** OTLP export requests as an SDK sends them, one resource each, built with the OTLP proto classes. */
final class OtlpRequests {

  private OtlpRequests() {}

  static ExportTraceServiceRequest span(Map<String, String> resource, byte[] traceId, byte[] spanId, String name) {
    long now = nanos(Instant.now());
    Span span = Span.newBuilder().setTraceId(ByteString.copyFrom(traceId)).setSpanId(ByteString.copyFrom(spanId))
        .setName(name).setKind(Span.SpanKind.SPAN_KIND_SERVER)
        .setStartTimeUnixNano(now).setEndTimeUnixNano(now + 3_000_000).build();
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().setResource(resource(resource))
        .addScopeSpans(ScopeSpans.newBuilder().setScope(scope()).addSpans(span))).build();
  }

  static ExportLogsServiceRequest log(Map<String, String> resource, String body) {
    long now = nanos(Instant.now());
    LogRecord log = LogRecord.newBuilder().setTimeUnixNano(now).setObservedTimeUnixNano(now)
        .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN).setSeverityText("WARN")
        .setBody(AnyValue.newBuilder().setStringValue(body)).build();
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder().setResource(resource(resource))
        .addScopeLogs(ScopeLogs.newBuilder().setScope(scope()).addLogRecords(log))).build();
  }

  static ExportMetricsServiceRequest gauge(Map<String, String> resource, String metricName, double value) {
    Metric metric = Metric.newBuilder().setName(metricName).setDescription("Jobs waiting")
        .setGauge(Gauge.newBuilder().addDataPoints(
            NumberDataPoint.newBuilder().setTimeUnixNano(nanos(Instant.now())).setAsDouble(value)))
        .build();
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(resource(resource)).addScopeMetrics(ScopeMetrics.newBuilder().setScope(scope()).addMetrics(metric)))
        .build();
  }

  private static Resource resource(Map<String, String> attributes) {
    Resource.Builder resource = Resource.newBuilder();
    attributes.forEach((k, v) ->
        resource.addAttributes(KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v))));
    return resource.build();
  }

  private static InstrumentationScope scope() {
    return InstrumentationScope.newBuilder().setName("vigil-tests").setVersion("1.0").build();
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
