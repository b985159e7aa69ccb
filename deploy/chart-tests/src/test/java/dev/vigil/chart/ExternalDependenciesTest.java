package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.chart.Manifests.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** With external Kafka, ClickHouse and PostgreSQL the chart runs none of its own and points every service at them. */
class ExternalDependenciesTest {

  @Test
  void noDependencyIsRenderedWhenAllAreExternal() {
    Manifests m = ChartRenderer.profile("external").render();

    assertThat(m.all(StatefulSet.class)).isEmpty();
    assertThat(m.all(Service.class)).extracting(s -> s.getMetadata().getName())
        .noneMatch(n -> n.contains("kafka") || n.contains("clickhouse") || n.contains("postgresql"));
    assertThat(m.all(ConfigMap.class)).extracting(c -> c.getMetadata().getName())
        .noneMatch(n -> n.contains("kafka") || n.contains("clickhouse"));
    assertThat(m.all(NetworkPolicy.class)).extracting(p -> p.getMetadata().getName())
        .noneMatch(n -> n.contains("kafka") || n.contains("clickhouse") || n.contains("postgresql"));
  }

  @Test
  void everyServiceAndTheMigrationJobUseTheExternalEndpointsAndTheirSecrets() {
    Manifests m = ChartRenderer.profile("external").render();
    SoftAssertions soft = new SoftAssertions();
    for (Workload w : m.workloads()) {
      Map<String, String> env = Pods.env(Pods.container(w.template()));
      if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
        soft.assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(w.name())
            .isEqualTo("kafka-0.kafka.data.svc:9092,kafka-1.kafka.data.svc:9092");
      }
      if (env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
        soft.assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as(w.name())
            .isEqualTo("jdbc:postgresql://pg.data.svc:6432/vigil_prod?sslmode=require");
        soft.assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).as(w.name())
            .isEqualTo("postgresql://pg.data.svc:6432/vigil_prod?sslmode=require");
        soft.assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as(w.name()).isEqualTo("vigil_app");
        soft.assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as(w.name()).isEqualTo("secret:pg-credentials/password");
      }
      if (env.containsKey("VIGIL_CLICKHOUSE_URL")) {
        soft.assertThat(env.get("VIGIL_CLICKHOUSE_URL")).as(w.name())
            .isEqualTo("jdbc:clickhouse:https://clickhouse.data.svc:8443/default");
        soft.assertThat(env.get("VIGIL_CLICKHOUSE_USER")).as(w.name()).isEqualTo("vigil");
        soft.assertThat(env.get("VIGIL_CLICKHOUSE_PASSWORD")).as(w.name())
            .isEqualTo("secret:clickhouse-credentials/vigil-password");
      }
    }
    Map<String, String> job = Pods.env(Pods.container(m.workload("vigil-migrations").template()));
    soft.assertThat(job).containsEntry("VIGIL_KAFKA_TOPIC_PARTITIONS", "12").containsEntry("VIGIL_KAFKA_REPLICATION_FACTOR", "3");
    soft.assertAll();
  }

  @Test
  void plainTextExternalPasswordsGoToTheChartsSecret() {
    Manifests m = ChartRenderer.chart()
        .set("postgresql.external.host", "pg.example.com").set("postgresql.external.password", "pg-pass")
        .set("clickhouse.external.url", "jdbc:clickhouse:http://ch:8123/default").set("clickhouse.external.password", "ch-pass")
        .render();
    Secret secret = m.one(Secret.class, "vigil-secrets");
    Map<String, String> env = Pods.env(Pods.container(m.workload("vigil-query-service").template()));

    assertThat(decode(secret.getData().get("postgresql-password"))).isEqualTo("pg-pass");
    assertThat(decode(secret.getData().get("clickhouse-password"))).isEqualTo("ch-pass");
    assertThat(env).containsEntry("QUARKUS_DATASOURCE_PASSWORD", "secret:vigil-secrets/postgresql-password")
        .containsEntry("VIGIL_CLICKHOUSE_PASSWORD", "secret:vigil-secrets/clickhouse-password");
    assertThat(m.all(StatefulSet.class)).extracting(s -> s.getMetadata().getName()).containsExactly("vigil-kafka");
  }

  static String decode(String base64) {
    return new String(java.util.Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
  }
}
