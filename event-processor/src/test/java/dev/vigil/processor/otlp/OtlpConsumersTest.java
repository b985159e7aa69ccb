package dev.vigil.processor.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.vigil.contracts.IngestHeaders;
import dev.vigil.processor.EdgeRecords;
import dev.vigil.processor.pipeline.DeduplicationToken;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.RecordInserts;
import dev.vigil.processor.pipeline.RecordRows;
import dev.vigil.storage.StorageException;
import dev.vigil.state.projects.Projects;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.TestTopics;
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
import io.opentelemetry.proto.trace.v1.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OTLP protobuf records on the test topics end up as spans, logs and samples in ClickHouse (local stack). */
@QuarkusTest
class OtlpConsumersTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HexFormat HEX = HexFormat.of();

  @Inject Projects projects;
  @Inject ClickHouseStorage clickhouse;
  @Inject OtlpRecords otlpRecords;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private EdgeRecords edge;
  private long projectId;
  private String service;

  @BeforeEach
  void newProjectAndProducer() throws Throwable {
    String slug = "otlp-" + UUID.randomUUID().toString().substring(0, 8);
    projectId = VertxContextSupport.subscribeAndAwait(() -> projects.create("processor-tests", slug, slug, "other")).id;
    service = "checkout-" + slug;
    edge = new EdgeRecords(bootstrap);
  }

  @AfterEach
  void closeProducer() {
    edge.close();
  }

  @Test
  void spansAreStoredWithTheirProjectServiceAndIds() throws Exception {
    byte[] traceId = randomBytes(16);
    String traceHex = HEX.formatHex(traceId);
    send(TestTopics.OTLP_SPANS, traceHex, trace(traceId), projectId);

    await().atMost(WAIT).untilAsserted(() -> assertThat(spans(traceHex)).hasSize(2));
    List<Map<String, String>> spans = spans(traceHex);
    assertThat(spans).allSatisfy(s -> {
      assertThat(s.get("service_name")).isEqualTo(service);
      assertThat(s.get("source")).isEqualTo("otlp");
      assertThat(s.get("span_id")).hasSize(16);
    });
    Map<String, String> root = spans.stream().filter(s -> s.get("parent_span_id").isEmpty()).findFirst().orElseThrow();
    assertThat(root.get("span_name")).isEqualTo("GET /cart");
    assertThat(root.get("span_kind")).isEqualTo("server");
    Map<String, String> child = spans.stream().filter(s -> !s.get("parent_span_id").isEmpty()).findFirst().orElseThrow();
    assertThat(child.get("parent_span_id")).isEqualTo(root.get("span_id"));
    assertThat(child.get("status_code")).isEqualTo("error");
    assertThat(child.get("status_message")).isEqualTo("connection refused");
  }

  @Test
  void logsAreStoredWithTheirTraceIds() throws Exception {
    String body = "payment declined " + UUID.randomUUID();
    byte[] traceId = randomBytes(16);
    send(TestTopics.OTLP_LOGS, null, logs(body, traceId), projectId);

    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(
        "SELECT body, trace_id, service_name, severity_text FROM ${database}.logs FINAL WHERE project_id = ?"))
        .singleElement().satisfies(row -> {
          assertThat(row.get("body")).isEqualTo(body);
          assertThat(row.get("trace_id")).isEqualTo(HEX.formatHex(traceId));
          assertThat(row.get("service_name")).isEqualTo(service);
          assertThat(row.get("severity_text")).isEqualTo("ERROR");
        }));
  }

  @Test
  void gaugePointsAreStoredAsSamples() throws Exception {
    Instant at = Instant.now();
    send(TestTopics.OTLP_METRICS, projectId + "/ns/" + service + "/i-1", gauge(at, 7.5), projectId);

    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(
        "SELECT metric_name, timestamp_ms, value FROM ${database}.metric_samples FINAL"
            + " WHERE project_id = ? AND metric_name = 'queue_depth'"))
        .singleElement().satisfies(row -> {
          assertThat(row.get("timestamp_ms")).isEqualTo(String.valueOf(at.toEpochMilli()));
          assertThat(Double.parseDouble(row.get("value"))).isEqualTo(7.5);
        }));
    assertThat(rows("SELECT labels FROM ${database}.metric_series WHERE project_id = ? AND metric_name = 'queue_depth'"))
        .singleElement().satisfies(row -> assertThat(row.get("labels")).contains(service));
  }

  @Test
  void badRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillStored() throws Exception {
    byte[] traceId = randomBytes(16);
    String traceHex = HEX.formatHex(traceId);
    try (KafkaConsumer<String, byte[]> dlq = dlqConsumerAtEnd()) {
      // One key: one partition, so the good record comes after the bad ones.
      send(TestTopics.OTLP_SPANS, traceHex, "not protobuf".getBytes(StandardCharsets.UTF_8), projectId);
      send(TestTopics.OTLP_SPANS, traceHex, trace(traceId), null);
      send(TestTopics.OTLP_SPANS, traceHex, trace(traceId), Long.MAX_VALUE);
      send(TestTopics.OTLP_SPANS, traceHex, trace(traceId), projectId);

      await().atMost(WAIT).untilAsserted(() -> assertThat(spans(traceHex)).hasSize(2));
      Map<String, String> reasons = new HashMap<>();
      await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, byte[]> r : dlq.poll(Duration.ofMillis(500))) {
          if (traceHex.equals(r.key())) {
            String reason = new String(r.headers().lastHeader(IngestHeaders.DLQ_REASON).value(), StandardCharsets.UTF_8);
            String origin = new String(r.headers().lastHeader(IngestHeaders.DLQ_ORIGIN).value(), StandardCharsets.UTF_8);
            assertThat(origin).startsWith(TestTopics.OTLP_SPANS + "/");
            reasons.put(reason.split(" ")[0] + " " + reason.split(" ")[1], reason);
          }
        }
        return reasons.size() == 3;
      });
      assertThat(reasons.keySet()).containsExactlyInAnyOrder("invalid protobuf:", "missing or", "unknown project");
    }
  }

  @Test
  void aBatchClickHouseRejectsIsStoredRecordByRecordAndOnlyTheRefusedRecordIsDeadLettered() throws Exception {
    String key = "rejected-" + UUID.randomUUID();
    List<IngestRecord> polled = List.of(
        new IngestRecord(TestTopics.OTLP_SPANS, 0, 100, 0, key, new byte[] {1}, Map.of()),
        new IngestRecord(TestTopics.OTLP_SPANS, 0, 101, 0, key, new byte[] {2}, Map.of()),
        new IngestRecord(TestTopics.OTLP_SPANS, 0, 102, 0, key, new byte[] {3}, Map.of()));
    List<RecordRows<List<String>>> mapped = List.of(
        new RecordRows<>(polled.get(0), List.of("a1", "a2")),
        new RecordRows<>(polled.get(1), List.of("poison")),
        new RecordRows<>(polled.get(2), List.of("c1")));
    List<List<String>> stored = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> dlq = dlqConsumerAtEnd()) {
      // ClickHouse refuses any insert holding the poison row (as it does rows it cannot parse).
      otlpRecords.store(polled, mapped, RecordInserts::concat, (rows, token) -> {
        if (rows.contains("poison")) {
          throw StorageException.rejected("Code: 33. Cannot read all data", null);
        }
        stored.add(rows);
        tokens.add(token);
      }, "spans", rows -> rows.size() + " spans");

      assertThat(stored).containsExactly(List.of("a1", "a2"), List.of("c1"));
      // Each record's own token: a replay of the batch is deduplicated record by record.
      assertThat(tokens).containsExactly(DeduplicationToken.of(List.of(polled.get(0))),
          DeduplicationToken.of(List.of(polled.get(2))));
      List<String> reasons = new ArrayList<>();
      await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, byte[]> r : dlq.poll(Duration.ofMillis(500))) {
          if (key.equals(r.key())) {
            assertThat(r.value()).containsExactly(2);
            reasons.add(new String(r.headers().lastHeader(IngestHeaders.DLQ_REASON).value(), StandardCharsets.UTF_8));
          }
        }
        return !reasons.isEmpty();
      });
      assertThat(reasons).singleElement().asString().startsWith("rejected by ClickHouse: Code: 33");
    }
  }

  private ExportTraceServiceRequest trace(byte[] traceId) {
    long now = nanos(Instant.now());
    byte[] rootId = randomBytes(8);
    Span root = Span.newBuilder().setTraceId(ByteString.copyFrom(traceId)).setSpanId(ByteString.copyFrom(rootId))
        .setName("GET /cart").setKind(Span.SpanKind.SPAN_KIND_SERVER)
        .setStartTimeUnixNano(now).setEndTimeUnixNano(now + 5_000_000).build();
    Span child = Span.newBuilder().setTraceId(ByteString.copyFrom(traceId)).setSpanId(ByteString.copyFrom(randomBytes(8)))
        .setParentSpanId(ByteString.copyFrom(rootId)).setName("redis GET").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(now + 1_000_000).setEndTimeUnixNano(now + 2_000_000)
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("connection refused"))
        .build();
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().setResource(resource())
        .addScopeSpans(ScopeSpans.newBuilder().setScope(scope()).addSpans(root).addSpans(child))).build();
  }

  private ExportLogsServiceRequest logs(String body, byte[] traceId) {
    long now = nanos(Instant.now());
    LogRecord log = LogRecord.newBuilder().setTimeUnixNano(now).setObservedTimeUnixNano(now)
        .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR).setSeverityText("ERROR")
        .setBody(AnyValue.newBuilder().setStringValue(body)).setTraceId(ByteString.copyFrom(traceId))
        .setSpanId(ByteString.copyFrom(randomBytes(8))).build();
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder().setResource(resource())
        .addScopeLogs(ScopeLogs.newBuilder().setScope(scope()).addLogRecords(log))).build();
  }

  private ExportMetricsServiceRequest gauge(Instant at, double value) {
    Metric metric = Metric.newBuilder().setName("queue_depth").setDescription("Jobs waiting")
        .setGauge(Gauge.newBuilder().addDataPoints(
            NumberDataPoint.newBuilder().setTimeUnixNano(nanos(at)).setAsDouble(value)))
        .build();
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(resource()).addScopeMetrics(ScopeMetrics.newBuilder().setScope(scope()).addMetrics(metric)))
        .build();
  }

  private Resource resource() {
    return Resource.newBuilder()
        .addAttributes(KeyValue.newBuilder().setKey("service.name").setValue(AnyValue.newBuilder().setStringValue(service)))
        .addAttributes(KeyValue.newBuilder().setKey("service.namespace").setValue(AnyValue.newBuilder().setStringValue("ns")))
        .addAttributes(KeyValue.newBuilder().setKey("service.instance.id").setValue(AnyValue.newBuilder().setStringValue("i-1")))
        .build();
  }

  private static InstrumentationScope scope() {
    return InstrumentationScope.newBuilder().setName("vigil-tests").setVersion("1.0").build();
  }

  private void send(String topic, String key, com.google.protobuf.MessageLite message, Long project) throws Exception {
    send(topic, key, message.toByteArray(), project);
  }

  private void send(String topic, String key, byte[] value, Long project) throws Exception {
    edge.send(topic, key, value, project);
  }

  private List<Map<String, String>> spans(String traceId) throws Exception {
    return rows("SELECT span_id, parent_span_id, span_name, span_kind, status_code, status_message, service_name,"
        + " source FROM ${database}.spans FINAL WHERE project_id = ? AND trace_id = '" + traceId + "'");
  }

  /** Rows of a query whose one parameter is this test's project id, every value as a string. */
  private List<Map<String, String>> rows(String sql) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(sql))) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, String> row = new HashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnName(i), String.valueOf(rs.getObject(i)));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private KafkaConsumer<String, byte[]> dlqConsumerAtEnd() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = c.partitionsFor(TestTopics.OTLP_DLQ).stream()
        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    c.assign(partitions);
    c.seekToEnd(partitions);
    partitions.forEach(c::position);
    return c;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
