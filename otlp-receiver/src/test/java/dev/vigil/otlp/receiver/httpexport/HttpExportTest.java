package dev.vigil.otlp.receiver.httpexport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.ByteString;
import com.google.rpc.Status;
import dev.vigil.contracts.IngestHeaders;
import dev.vigil.otlp.receiver.KafkaRecords;
import dev.vigil.otlp.receiver.TestProjects;
import dev.vigil.otlp.receiver.TestProjects.TestProject;
import dev.vigil.testsupport.TestTopics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpExportTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  @Inject TestProjects projects;

  @TestHTTPResource("/")
  URL base;

  TestProject project;

  @BeforeEach
  void setUp() {
    project = projects.create();
  }

  @Test
  void javaSdkHttpProtobufExporterLandsSpansInKafka() {
    long since = System.currentTimeMillis();
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(base + "v1/traces")
            .addHeader("Authorization", project.bearer())
            .setCompression("gzip")
            .build();
    SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "web")))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    Span span = tracing.get("test").spanBuilder("GET /").startSpan();
    span.end();
    assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    tracing.shutdown().join(5, TimeUnit.SECONDS);

    ConsumerRecord<String, byte[]> record = KafkaRecords.of(TestTopics.OTLP_SPANS, project.id(), since, 1).get(0);
    assertThat(record.key()).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(KafkaRecords.header(record, IngestHeaders.CLIENT)).startsWith("OTel-OTLP-Exporter-Java/");
  }

  @Test
  void answersProtobufWithAnExportResponseAndPartialSuccessForMalformedSpans() throws Exception {
    String traceId = randomTraceId();
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(span(traceId, "00f067aa0ba902b7"))
                            .addSpans(span(traceId, "00f067"))))
            .build();

    byte[] body =
        given().header("Authorization", project.bearer()).contentType(PROTOBUF).body(request.toByteArray())
            .post("/v1/traces")
            .then().statusCode(200).contentType(PROTOBUF)
            .extract().asByteArray();

    ExportTraceServiceResponse response = ExportTraceServiceResponse.parseFrom(body);
    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage()).contains("span_id has 3 bytes");
  }

  @Test
  void acceptsThePublishedJsonExamplesAndAnswersInJson() throws IOException {
    long since = System.currentTimeMillis();
    String traceId = randomTraceId();
    String trace = example("trace.json").replace("5B8EFFF798038103D269B633813FC60C", traceId.toUpperCase());

    given().header("Authorization", project.bearer()).contentType(JSON).body(trace)
        .post("/v1/traces")
        .then().statusCode(200).contentType(JSON).body(equalTo("{}"));
    given().header("Authorization", project.bearer()).contentType(JSON).body(example("logs.json"))
        .post("/v1/logs")
        .then().statusCode(200).body(equalTo("{}"));
    given().header("Authorization", project.bearer()).contentType(JSON).body(example("metrics.json"))
        .post("/v1/metrics")
        .then().statusCode(200).body(equalTo("{}"));

    assertThat(KafkaRecords.of(TestTopics.OTLP_SPANS, project.id(), since, 1)).extracting(ConsumerRecord::key).containsExactly(traceId);
    assertThat(KafkaRecords.of(TestTopics.OTLP_LOGS, project.id(), since, 1)).hasSize(1);
    assertThat(KafkaRecords.of(TestTopics.OTLP_METRICS, project.id(), since, 1))
        .extracting(ConsumerRecord::key)
        .containsExactly(project.id() + "//my.service/");
  }

  @Test
  void refusesMalformedJsonIdsWith400AndAStatusNamingTheField() {
    String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"not-hex\",\"spanId\":\"eee19b7ec3c1b174\"}]}]}]}";

    given().header("Authorization", project.bearer()).contentType(JSON).body(json)
        .post("/v1/traces")
        .then().statusCode(400).contentType(JSON)
        .body("code", equalTo(3))
        .body("message", containsString("invalid traceId at resourceSpans[0].scopeSpans[0].spans[0]"));
  }

  @Test
  void answersErrorsAsGoogleRpcStatusInTheRequestsEncoding() throws Exception {
    byte[] body =
        given().header("Authorization", "Bearer 00000000000000000000000000000000").contentType(PROTOBUF).body(new byte[0])
            .post("/v1/traces")
            .then().statusCode(401).contentType(PROTOBUF)
            .extract().asByteArray();
    Status status = Status.parseFrom(body);
    assertThat(status.getCode()).isEqualTo(16);
    assertThat(status.getMessage()).isEqualTo("unknown project key");

    given().contentType(JSON).body("{}").post("/v1/logs").then().statusCode(401).body("message", containsString("missing project key"));
    String disabled = projects.addKey(project.id(), "active = false");
    given().header("Authorization", "Bearer " + disabled).contentType(JSON).body("{}")
        .post("/v1/metrics").then().statusCode(403).body("code", equalTo(7));
    given().header("Authorization", project.bearer()).contentType(PROTOBUF).body("garbage".getBytes())
        .post("/v1/traces").then().statusCode(400);
    given().header("Authorization", project.bearer()).contentType("text/plain").body("hello")
        .post("/v1/traces").then().statusCode(415).contentType(JSON).body("message", containsString("unsupported content type"));
  }

  @Test
  void emptyExportIsASuccess() {
    given().header("Authorization", project.bearer()).contentType(PROTOBUF).body(new byte[0])
        .post("/v1/logs").then().statusCode(200).contentType(PROTOBUF);
  }

  @Test
  void rateLimitsPerKeyWith429AndRetryAfter() {
    String limited = projects.addKey(project.id(), "rateLimitPerMinute = 1");
    given().header("Authorization", "Bearer " + limited).contentType(JSON).body("{}").post("/v1/traces").then().statusCode(200);
    given().header("Authorization", "Bearer " + limited).contentType(JSON).body("{}")
        .post("/v1/traces")
        .then().statusCode(429).header("Retry-After", matchesPattern("[0-9]+")).body("code", equalTo(8));
  }

  @Test
  void decodesGzipAndZstdBodiesAndRefusesOnesOverTheLimitWith413() throws IOException {
    byte[] json = example("logs.json").getBytes(StandardCharsets.UTF_8);
    given().header("Authorization", project.bearer()).contentType(JSON).header("Content-Encoding", "gzip").body(gzip(json))
        .post("/v1/logs").then().statusCode(200);
    given().header("Authorization", project.bearer()).contentType(JSON).header("Content-Encoding", "zstd").body(Zstd.compress(json))
        .post("/v1/logs").then().statusCode(200);

    // 9 MiB decompressed against the test profile's 8 MiB limit, a few KiB on the wire.
    String huge = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"" + "z".repeat(9 << 20) + "\"}}]}]}]}";
    given().header("Authorization", project.bearer()).contentType(JSON).header("Content-Encoding", "gzip")
        .body(gzip(huge.getBytes(StandardCharsets.UTF_8)))
        .post("/v1/logs")
        .then().statusCode(413).body("code", equalTo(8)).body("message", containsString("exceeded size limits"));
  }

  @Test
  void acceptsAHugeAttributeBelowTheLimit() {
    String json =
        "{\"resourceLogs\":[{\"resource\":{},\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"" + "q".repeat(3 << 20) + "\"}}]}]}]}";
    given().header("Authorization", project.bearer()).contentType(JSON).body(json).post("/v1/logs").then().statusCode(200);
  }

  @Test
  void answersCorsPreflightsForBrowserExporters() {
    given()
        .header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options("/v1/traces")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://app.example.com")
        .header("Access-Control-Allow-Headers", containsString("authorization"));
  }

  private static String randomTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static io.opentelemetry.proto.trace.v1.Span span(String traceId, String spanId) {
    return io.opentelemetry.proto.trace.v1.Span.newBuilder()
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanId)))
        .setName("op")
        .build();
  }

  private static String example(String name) throws IOException {
    try (InputStream in = HttpExportTest.class.getResourceAsStream("/otlp-examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }
}
