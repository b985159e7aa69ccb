package dev.vigil.processor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.processor.EdgeRecords;
import dev.vigil.processor.events.SentryEnvelopes;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.state.projects.Projects;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.TestTopics;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signals consumed from Kafka (OTLP spans, logs, metrics; Sentry events and transactions) land in
 * ClickHouse with the metadata of the pod that sent them, pods living in the Fabric8 mock API server
 * (CRUD mode) and changing while telemetry flows. Local stack for Kafka, PostgreSQL and ClickHouse.
 */
@QuarkusTest
@TestProfile(KubernetesEnrichmentTest.EnrichmentOn.class)
@WithKubernetesTestServer(crud = true)
class KubernetesEnrichmentTest {

  /** Enrichment forced on (the processor is not in a cluster), with one label copied. */
  public static final class EnrichmentOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "vigil.kubernetes.enrichment.enabled", "true",
          "%test.vigil.kubernetes.enrichment.enabled", "true",
          "vigil.kubernetes.enrichment.labels", "team");
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HexFormat HEX = HexFormat.of();

  @KubernetesTestServer KubernetesServer cluster;
  @Inject Projects projects;
  @Inject ClickHouseStorage clickhouse;
  @Inject KubernetesEnrichment enrichment;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private EdgeRecords edge;
  private long projectId;
  private String service;
  private String ip;
  private Pod pod;

  @BeforeEach
  void projectAndPod() throws Throwable {
    String slug = "k8s-" + UUID.randomUUID().toString().substring(0, 8);
    projectId = VertxContextSupport.subscribeAndAwait(() -> projects.create("processor-tests", slug, slug, "python")).id;
    service = "checkout-" + slug;
    edge = new EdgeRecords(bootstrap);
    ip = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    pod = cluster.getClient().pods().resource(new PodBuilder()
        .withNewMetadata().withNamespace("shop").withName("checkout-7d4b9c8f5-" + slug.substring(4, 9))
        .addToLabels("team", "payments").addToLabels("pod-template-hash", "7d4b9c8f5")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("checkout-7d4b9c8f5")
        .withController(true).withUid(UUID.randomUUID().toString()).endOwnerReference()
        .endMetadata()
        .withNewSpec().withNodeName("node-a").addToContainers(new ContainerBuilder().withName("checkout").build()).endSpec()
        .withNewStatus().withPhase("Running").withPodIP(ip).addNewPodIP().withIp(ip).endPodIP().endStatus()
        .build()).create();
    await().atMost(WAIT).until(() -> enrichment.isSynced() && !metadataOf(ip).isEmpty());
  }

  @AfterEach
  void closeProducer() {
    edge.close();
  }

  @Test
  void spansLogsAndMetricsFromAPodCarryItsMetadataAndKeepWhatTheSdkSent() throws Exception {
    byte[] traceId = randomBytes(16);
    String body = "stock low " + UUID.randomUUID();
    send(TestTopics.OTLP_SPANS, HEX.formatHex(traceId),
        OtlpRequests.span(Map.of("service.name", service, "k8s.deployment.name", "checkout-canary"), traceId, randomBytes(8), "GET /cart").toByteArray());
    send(TestTopics.OTLP_LOGS, null, OtlpRequests.log(Map.of("service.name", service), body).toByteArray());
    send(TestTopics.OTLP_METRICS, service, OtlpRequests.gauge(Map.of("service.name", service), "queue_depth", 3).toByteArray());

    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(
        "SELECT resource_attributes AS r FROM ${database}.spans FINAL WHERE project_id = ? AND trace_id = '"
            + HEX.formatHex(traceId) + "'")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("service.name", service)
                .containsEntry("k8s.namespace.name", "shop")
                .containsEntry("k8s.pod.name", pod.getMetadata().getName())
                .containsEntry("k8s.pod.uid", pod.getMetadata().getUid())
                .containsEntry("k8s.node.name", "node-a")
                .containsEntry("k8s.replicaset.name", "checkout-7d4b9c8f5")
                .containsEntry("k8s.deployment.name", "checkout-canary") // as the SDK sent it
                .containsEntry("k8s.container.name", "checkout")
                .containsEntry("k8s.pod.label.team", "payments")));
    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(
        "SELECT resource_attributes AS r FROM ${database}.logs FINAL WHERE project_id = ? AND body = '" + body + "'"))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("k8s.deployment.name", "checkout")
            .containsEntry("k8s.pod.uid", pod.getMetadata().getUid())));
    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(
        "SELECT labels AS r FROM ${database}.metric_series WHERE project_id = ? AND metric_name = 'target_info'"))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("k8s_deployment_name", "checkout")
            .containsEntry("k8s_namespace_name", "shop").containsEntry("job", service)));
    assertThat(rows("SELECT labels AS r FROM ${database}.metric_series WHERE project_id = ? AND metric_name = 'queue_depth'"))
        .as("the series itself keeps its identity: resource attributes reach target_info only")
        .singleElement().satisfies(r -> assertThat(r.keySet()).noneMatch(k -> k.startsWith("k8s")));
  }

  @Test
  void sentryEventsAndTransactionsFromAPodAreTaggedWithItsMetadata() throws Exception {
    UUID eventId = UUID.randomUUID();
    byte[] event = new String(SentryEnvelopes.event("python-keyerror", eventId, Instant.now()), StandardCharsets.UTF_8)
        .replace("\"tags\":{\"region\":\"eu\"}", "\"tags\":{\"region\":\"eu\",\"k8s.deployment.name\":\"checkout-canary\"}")
        .getBytes(StandardCharsets.UTF_8);
    String traceId = HEX.formatHex(randomBytes(16));
    send(TestTopics.INGEST_EVENTS, eventId.toString(), event);
    send(TestTopics.INGEST_EVENTS, traceId, SentryEnvelopes.transaction(traceId, UUID.randomUUID()));

    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(
        "SELECT tags AS r FROM ${database}.events FINAL WHERE project_id = ?"))
        .singleElement().satisfies(tags -> assertThat(tags)
            .containsEntry("region", "eu")
            .containsEntry("k8s.deployment.name", "checkout-canary") // the SDK's tag wins
            .containsEntry("k8s.namespace.name", "shop")
            .containsEntry("k8s.pod.name", pod.getMetadata().getName())
            .containsEntry("k8s.node.name", "node-a")
            .containsEntry("k8s.pod.label.team", "payments")));
    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(
        "SELECT resource_attributes AS r FROM ${database}.spans FINAL WHERE project_id = ? AND trace_id = '" + traceId + "'"))
        .isNotEmpty().allSatisfy(r -> assertThat(r).containsEntry("k8s.deployment.name", "checkout")
            .containsEntry("k8s.pod.uid", pod.getMetadata().getUid())));
  }

  @Test
  void signalsFollowThePodAsItsLabelsChangeAndGetNothingOnceItIsDeleted() throws Exception {
    cluster.getClient().pods().resource(new PodBuilder(current()).editMetadata().addToLabels("team", "search").endMetadata().build())
        .update();
    await().atMost(WAIT).until(() -> "search".equals(metadataOf(ip).get("k8s.pod.label.team")));
    String relabelled = "after relabel " + UUID.randomUUID();
    send(TestTopics.OTLP_LOGS, null, OtlpRequests.log(Map.of("service.name", service), relabelled).toByteArray());

    cluster.getClient().pods().resource(current()).delete();
    await().atMost(WAIT).until(() -> metadataOf(ip).isEmpty());
    String afterDeletion = "after deletion " + UUID.randomUUID();
    send(TestTopics.OTLP_LOGS, null, OtlpRequests.log(Map.of("service.name", service), afterDeletion).toByteArray());

    await().atMost(WAIT).untilAsserted(() -> assertThat(logResources()).containsOnlyKeys(relabelled, afterDeletion));
    Map<String, Map<String, String>> stored = logResources();
    assertThat(stored.get(relabelled)).containsEntry("k8s.pod.label.team", "search")
        .containsEntry("k8s.pod.uid", pod.getMetadata().getUid());
    assertThat(stored.get(afterDeletion)).containsOnly(Map.entry("service.name", service));
  }

  private Pod current() {
    return cluster.getClient().pods().inNamespace("shop").withName(pod.getMetadata().getName()).get();
  }

  /** What the processor would add now to a resource sent from {@code address}. */
  private Map<String, String> metadataOf(String address) {
    IngestRecord record = new IngestRecord(TestTopics.OTLP_LOGS, 0, 0, 0, null, null,
        Map.of(IngestHeaders.CLIENT_ADDRESS, address.getBytes(StandardCharsets.UTF_8)));
    return enrichment.resources(record, Instant.now()).apply(Map.of());
  }

  /** The stored logs' resource attributes by body. */
  private Map<String, Map<String, String>> logResources() throws Exception {
    Map<String, Map<String, String>> byBody = new HashMap<>();
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(
            "SELECT body, resource_attributes FROM ${database}.logs FINAL WHERE project_id = ?"))) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byBody.put(rs.getString(1), stringMap(rs.getObject(2)));
        }
      }
    }
    return byBody;
  }

  /** The Map column {@code r} of each row of a query whose one parameter is this test's project id. */
  private List<Map<String, String>> rows(String sql) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(sql))) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(stringMap(rs.getObject("r")));
        }
      }
    }
    return rows;
  }

  private static Map<String, String> stringMap(Object column) {
    Map<String, String> map = new HashMap<>();
    ((Map<?, ?>) column).forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
    return map;
  }

  /** Sends the record as the edge would, with the sender's address this test's pod has. */
  private void send(String topic, String key, byte[] value) throws Exception {
    ProducerRecord<String, byte[]> record = edge.record(topic, key, value, projectId);
    record.headers().add(IngestHeaders.CLIENT_ADDRESS, ip.getBytes(StandardCharsets.UTF_8));
    edge.send(record);
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
