package dev.vigil.e2e;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One "service" instrumented with the unmodified OpenTelemetry Java SDK (its own SDK instance, resource and
 * exporters), exporting traces, logs and metrics to Vigil over OTLP/gRPC or OTLP/HTTP protobuf.
 */
final class JavaOtelService implements AutoCloseable {

  /** The two transports opentelemetry-exporter-otlp offers. */
  enum Protocol {
    GRPC,
    HTTP_PROTOBUF
  }

  private final OpenTelemetrySdk sdk;
  private final String name;
  private final ExportFailures failures;

  private JavaOtelService(OpenTelemetrySdk sdk, String name, ExportFailures failures) {
    this.sdk = sdk;
    this.name = name;
    this.failures = failures;
  }

  static JavaOtelService start(String serviceName, Protocol protocol, OtlpEndpoints endpoints, String authorization) {
    // Long interval: the test exports once, on flush, so points are deterministic.
    return start(serviceName, protocol, endpoints, authorization, Duration.ofMinutes(10));
  }

  /** Like {@link #start(String, Protocol, OtlpEndpoints, String)}, exporting metrics every {@code metricInterval}. */
  static JavaOtelService start(
      String serviceName, Protocol protocol, OtlpEndpoints endpoints, String authorization, Duration metricInterval) {
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.builder()
                        .put("service.name", serviceName)
                        .put("service.namespace", "e2e")
                        .put("deployment.environment.name", "e2e")
                        .build()));
    SpanExporter spans;
    LogRecordExporter logs;
    MetricExporter metrics;
    if (protocol == Protocol.GRPC) {
      String url = endpoints.grpcUrl();
      spans = OtlpGrpcSpanExporter.builder().setEndpoint(url).addHeader("Authorization", authorization).build();
      logs = OtlpGrpcLogRecordExporter.builder().setEndpoint(url).addHeader("Authorization", authorization).build();
      metrics = OtlpGrpcMetricExporter.builder().setEndpoint(url).addHeader("Authorization", authorization).build();
    } else {
      String url = endpoints.httpUrl();
      spans =
          OtlpHttpSpanExporter.builder().setEndpoint(url + "/v1/traces").addHeader("Authorization", authorization).build();
      logs =
          OtlpHttpLogRecordExporter.builder().setEndpoint(url + "/v1/logs").addHeader("Authorization", authorization).build();
      metrics =
          OtlpHttpMetricExporter.builder().setEndpoint(url + "/v1/metrics").addHeader("Authorization", authorization).build();
    }
    ExportFailures failures = new ExportFailures();
    spans = failures.spans(spans);
    logs = failures.logs(logs);
    metrics = failures.metrics(metrics);
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().setResource(resource).addSpanProcessor(BatchSpanProcessor.builder(spans).build()).build())
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .setResource(resource)
                    .addLogRecordProcessor(BatchLogRecordProcessor.builder(logs).build())
                    .build())
            .setMeterProvider(
                SdkMeterProvider.builder()
                    .setResource(resource)
                    .registerMetricReader(PeriodicMetricReader.builder(metrics).setInterval(metricInterval).build())
                    .build())
            .build();
    return new JavaOtelService(sdk, serviceName, failures);
  }

  String name() {
    return name;
  }

  Tracer tracer() {
    return sdk.getTracer("dev.vigil.e2e", "1.0");
  }

  Logger logger() {
    return sdk.getSdkLoggerProvider().get("dev.vigil.e2e");
  }

  Meter meter() {
    return sdk.getMeter("dev.vigil.e2e");
  }

  /** The exports that failed so far (the periodic metric reader's too), each with its reason. */
  List<String> exportFailures() {
    return failures.list();
  }

  /** Exports everything buffered; fails when an export failed (refused by the receiver, or no answer). */
  void flush() {
    CompletableResultCode result =
        CompletableResultCode.ofAll(
            List.of(
                sdk.getSdkTracerProvider().forceFlush(),
                sdk.getSdkLoggerProvider().forceFlush(),
                sdk.getSdkMeterProvider().forceFlush()));
    result.join(30, TimeUnit.SECONDS);
    if (!result.isSuccess() || !failures.list().isEmpty()) {
      throw new AssertionError(name + ": OTLP export failed: " + failures.list());
    }
  }

  @Override
  public void close() {
    sdk.shutdown().join(30, TimeUnit.SECONDS);
  }
}
