package dev.vigil.processor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.processor.EdgeRecords;
import dev.vigil.state.projects.Projects;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.TestTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With enrichment off (the %test default, as outside a cluster), signals are stored exactly as sent. */
@QuarkusTest
class KubernetesEnrichmentOffTest {

  @Inject Projects projects;
  @Inject ClickHouseStorage clickhouse;
  @Inject KubernetesEnrichment enrichment;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void aLogFromAnyAddressKeepsExactlyTheResourceItWasSentWith() throws Throwable {
    assertThat(enrichment.isOn()).isFalse();
    String slug = "k8s-off-" + UUID.randomUUID().toString().substring(0, 8);
    long projectId = VertxContextSupport.subscribeAndAwait(() -> projects.create("processor-tests", slug, slug, "other")).id;
    Map<String, String> resource = Map.of("service.name", slug, "k8s.pod.name", "sent-by-the-sdk");
    try (EdgeRecords edge = new EdgeRecords(bootstrap)) {
      ProducerRecord<String, byte[]> record =
          edge.record(TestTopics.OTLP_LOGS, null, OtlpRequests.log(resource, "hello").toByteArray(), projectId);
      record.headers().add(IngestHeaders.CLIENT_ADDRESS, "10.0.0.1".getBytes(StandardCharsets.UTF_8));
      edge.send(record);
    }

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(storedResource(projectId)).isEqualTo(resource));
  }

  private Map<String, String> storedResource(long projectId) throws Exception {
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(
            "SELECT resource_attributes FROM ${database}.logs FINAL WHERE project_id = ?"))) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        Map<String, String> map = new HashMap<>();
        if (rs.next()) {
          ((Map<?, ?>) rs.getObject(1)).forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
        }
        return map;
      }
    }
  }
}
