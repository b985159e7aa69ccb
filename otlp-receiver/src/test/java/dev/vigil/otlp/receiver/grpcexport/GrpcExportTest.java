package dev.vigil.otlp.receiver.grpcexport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.rpc.RetryInfo;
import dev.vigil.contracts.IngestHeaders;
import dev.vigil.otlp.receiver.KafkaRecords;
import dev.vigil.otlp.receiver.TestProjects;
import dev.vigil.otlp.receiver.TestProjects.TestProject;
import dev.vigil.otlp.receiver.TestStack;
import dev.vigil.testsupport.TestTopics;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GrpcExportTest {

  @Inject TestProjects projects;

  TestProject project;
  ManagedChannel channel;

  @BeforeEach
  void setUp() {
    project = projects.create();
    channel = GrpcClients.channel();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void javaSdkSpansArriveGzippedAndLandInKafkaKeyedByTraceIdWithHeaders() throws Exception {
    long since = System.currentTimeMillis();
    OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("http://localhost:" + TestStack.grpcPort())
            .addHeader("Authorization", project.bearer())
            .setCompression("gzip")
            .build();
    SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"))))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    Span parent = tracing.get("test").spanBuilder("GET /cart").startSpan();
    String traceId = parent.getSpanContext().getTraceId();
    try (var scope = parent.makeCurrent()) {
      tracing.get("test").spanBuilder("SELECT cart").startSpan().end();
    }
    parent.end();
    assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    tracing.shutdown().join(5, TimeUnit.SECONDS);

    List<ConsumerRecord<String, byte[]>> records = KafkaRecords.of(TestTopics.OTLP_SPANS, project.id(), since, 2);
    assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(traceId));
    ConsumerRecord<String, byte[]> record = records.get(0);
    assertThat(KafkaRecords.header(record, IngestHeaders.PUBLIC_KEY)).isEqualTo(project.publicKey());
    assertThat(KafkaRecords.header(record, IngestHeaders.CLIENT)).startsWith("OTel-OTLP-Exporter-Java/");
    assertThat(KafkaRecords.header(record, IngestHeaders.CLIENT_ADDRESS)).isEqualTo("127.0.0.1");
    assertThat(Long.parseLong(KafkaRecords.header(record, IngestHeaders.RECEIVED_AT))).isGreaterThanOrEqualTo(since);
    ExportTraceServiceRequest written = ExportTraceServiceRequest.parseFrom(record.value());
    assertThat(written.getResourceSpans(0).getResource().getAttributesList())
        .contains(KeyValue.newBuilder().setKey("service.name").setValue(AnyValue.newBuilder().setStringValue("checkout")).build());
  }

  @Test
  void javaSdkLogsAndMetricsLandInTheirTopics() throws Exception {
    long since = System.currentTimeMillis();
    Resource resource =
        Resource.create(
            Attributes.builder()
                .put("service.namespace", "shop")
                .put("service.name", "cart")
                .put("service.instance.id", "pod-7")
                .build());
    SdkLoggerProvider logging =
        SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor(
                SimpleLogRecordProcessor.create(
                    OtlpGrpcLogRecordExporter.builder()
                        .setEndpoint("http://localhost:" + TestStack.grpcPort())
                        .addHeader("Authorization", project.bearer())
                        .build()))
            .build();
    logging.get("test").logRecordBuilder().setBody("cart emptied").emit();
    assertThat(logging.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    logging.shutdown().join(5, TimeUnit.SECONDS);

    SdkMeterProvider metering =
        SdkMeterProvider.builder()
            .setResource(resource)
            .registerMetricReader(
                PeriodicMetricReader.builder(
                        OtlpGrpcMetricExporter.builder()
                            .setEndpoint("http://localhost:" + TestStack.grpcPort())
                            .addHeader("Authorization", project.bearer())
                            .build())
                    .setInterval(Duration.ofHours(1))
                    .build())
            .build();
    metering.get("test").counterBuilder("cart.items").build().add(3);
    assertThat(metering.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    metering.shutdown().join(5, TimeUnit.SECONDS);

    ConsumerRecord<String, byte[]> log = KafkaRecords.of(TestTopics.OTLP_LOGS, project.id(), since, 1).get(0);
    assertThat(log.key()).isNull();
    assertThat(ExportLogsServiceRequest.parseFrom(log.value()).getResourceLogs(0).getScopeLogs(0).getLogRecords(0).getBody().getStringValue())
        .isEqualTo("cart emptied");
    ConsumerRecord<String, byte[]> metrics = KafkaRecords.of(TestTopics.OTLP_METRICS, project.id(), since, 1).get(0);
    assertThat(metrics.key()).isEqualTo(project.id() + "/shop/cart/pod-7");
    assertThat(ExportMetricsServiceRequest.parseFrom(metrics.value()).getResourceMetrics(0).getScopeMetrics(0).getMetrics(0).getName())
        .isEqualTo("cart.items");
  }

  @Test
  void rejectsSpansWithMalformedIdsThroughPartialSuccess() {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"))
                            .addSpans(span("4bf92f35", "00f067aa0ba902b7"))))
            .build();

    ExportTraceServiceResponse response = stub(project.bearer()).export(request);

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage()).contains("trace_id has 4 bytes (must be 16)");
  }

  @Test
  void anEmptyExportSucceedsWithoutPartialSuccess() {
    ExportTraceServiceResponse response = stub(project.bearer()).export(ExportTraceServiceRequest.getDefaultInstance());
    assertThat(response.hasPartialSuccess()).isFalse();
  }

  @Test
  void refusesMissingUnknownAndDisabledKeys() {
    assertStatus(() -> stub(null).export(oneSpan()), Status.Code.UNAUTHENTICATED);
    assertStatus(() -> stub("Bearer 00000000000000000000000000000000").export(oneSpan()), Status.Code.UNAUTHENTICATED);
    assertStatus(() -> stub(project.publicKey()).export(oneSpan()), Status.Code.UNAUTHENTICATED);
    String disabled = projects.addKey(project.id(), "active = false");
    assertStatus(() -> stub("Bearer " + disabled).export(oneSpan()), Status.Code.PERMISSION_DENIED);
  }

  @Test
  void answersResourceExhaustedWithRetryInfoOverTheKeysRateLimit() {
    String limited = projects.addKey(project.id(), "rateLimitPerMinute = 1");
    stub("Bearer " + limited).export(oneSpan());

    StatusRuntimeException error = assertStatus(() -> stub("Bearer " + limited).export(oneSpan()), Status.Code.RESOURCE_EXHAUSTED);

    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertThat(status.getDetailsList()).anySatisfy(d -> assertThat(d.is(RetryInfo.class)).isTrue());
  }

  @Test
  void refusesAMessageOverTheSizeLimitAsResourceExhaustedWithoutRetryInfo() {
    // 9 MiB against the test profile's 8 MiB limit: as sent, and gzipped (small on the wire, checked decompressed).
    String big = "x".repeat(9 * 1024 * 1024);
    ExportTraceServiceRequest request =
        oneSpan().toBuilder()
            .setResourceSpans(0, oneSpan().getResourceSpans(0).toBuilder().setResource(
                io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                    .addAttributes(KeyValue.newBuilder().setKey("big").setValue(AnyValue.newBuilder().setStringValue(big)))))
            .build();

    StatusRuntimeException plain = assertStatus(() -> stub(project.bearer()).export(request), Status.Code.RESOURCE_EXHAUSTED);
    StatusRuntimeException gzipped =
        assertStatus(() -> stub(project.bearer()).withCompression("gzip").export(request), Status.Code.RESOURCE_EXHAUSTED);

    assertThat(gzipped.getStatus().getDescription()).contains("exceeded size limits");
    for (StatusRuntimeException error : List.of(plain, gzipped)) {
      com.google.rpc.Status status = StatusProto.fromThrowable(error);
      assertThat(status == null ? List.of() : status.getDetailsList()).noneSatisfy(d -> assertThat(d.is(RetryInfo.class)).isTrue());
    }
  }

  @Test
  void acceptsAttributesOfSeveralMegabytes() {
    long since = System.currentTimeMillis();
    String big = "y".repeat(3 * 1024 * 1024);
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(
                                span("5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174").toBuilder()
                                    .addAttributes(KeyValue.newBuilder().setKey("payload").setValue(AnyValue.newBuilder().setStringValue(big))))))
            .build();

    assertThat(stub(project.bearer()).export(request).hasPartialSuccess()).isFalse();
    assertThat(KafkaRecords.of(TestTopics.OTLP_SPANS, project.id(), since, 1)).singleElement()
        .satisfies(r -> assertThat(r.value().length).isGreaterThan(3 * 1024 * 1024));
  }

  private TraceServiceGrpc.TraceServiceBlockingStub stub(String authorization) {
    return GrpcClients.with(TraceServiceGrpc.newBlockingStub(channel), "authorization", authorization)
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private static StatusRuntimeException assertStatus(Runnable call, Status.Code code) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
      return e;
    }
    throw new AssertionError("expected " + code);
  }

  static ExportTraceServiceRequest oneSpan() {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"))))
        .build();
  }

  static io.opentelemetry.proto.trace.v1.Span span(String traceId, String spanId) {
    return io.opentelemetry.proto.trace.v1.Span.newBuilder()
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanId)))
        .setName("op")
        .build();
  }
}
