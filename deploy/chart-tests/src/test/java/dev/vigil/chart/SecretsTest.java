package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated secrets are created once and kept: on an upgrade lookup() finds the release's Secret (here in the
 * Fabric8 mock API server the renders talk to) and every value is reused.
 */
class SecretsTest {

  @Test
  void aFirstInstallGeneratesFreshWellFormedSecretsThatOutliveUninstall() {
    Secret first = ChartRenderer.chart().namespace(freshNamespace()).render().one(Secret.class, "vigil-secrets");
    Secret second = ChartRenderer.chart().namespace(freshNamespace()).render().one(Secret.class, "vigil-secrets");

    assertThat(first.getData()).containsOnlyKeys("admin-token", "owner-password", "project-key",
        "postgresql-password", "clickhouse-password");
    first.getData().forEach((key, value) -> assertThat(value).as(key).isNotEqualTo(second.getData().get(key)));
    assertThat(ExternalDependenciesTest.decode(first.getData().get("project-key"))).matches("[0-9a-f]{32}");
    assertThat(ExternalDependenciesTest.decode(first.getData().get("admin-token"))).hasSizeGreaterThanOrEqualTo(32);
    assertThat(ExternalDependenciesTest.decode(first.getData().get("owner-password"))).hasSizeGreaterThanOrEqualTo(16);
    assertThat(first.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
  }

  @Test
  void anUpgradeKeepsEveryValueOfTheInstalledSecret() {
    String namespace = freshNamespace();
    Map<String, String> installed = ChartRenderer.chart().namespace(namespace).render().one(Secret.class, "vigil-secrets").getData();
    MockApiServer.client().secrets().inNamespace(namespace).resource(new SecretBuilder()
        .withNewMetadata().withName("vigil-secrets").withNamespace(namespace).endMetadata()
        .withData(installed).build()).create();

    Secret upgraded = ChartRenderer.chart().namespace(namespace).render().one(Secret.class, "vigil-secrets");

    assertThat(upgraded.getData()).isEqualTo(installed);
  }

  @Test
  void anExistingSecretReplacesTheGeneratedOne() {
    Manifests m = ChartRenderer.chart().set("secrets.existingSecret", "vigil-managed").render();

    assertThat(m.all(Secret.class)).isEmpty();
    assertThat(Pods.env(Pods.container(m.workload("vigil-query-service").template())))
        .containsEntry("VIGIL_ADMIN_TOKEN", "secret:vigil-managed/admin-token")
        .containsEntry("VIGIL_BOOTSTRAP_OWNER_PASSWORD", "secret:vigil-managed/owner-password")
        .containsEntry("VIGIL_BOOTSTRAP_PROJECT_KEY", "secret:vigil-managed/project-key")
        .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "secret:vigil-managed/postgresql-password")
        .containsEntry("VIGIL_CLICKHOUSE_PASSWORD", "secret:vigil-managed/clickhouse-password");
    assertThat(Pods.env(Pods.container(m.workload("vigil-postgresql").template())))
        .containsEntry("POSTGRES_PASSWORD", "secret:vigil-managed/postgresql-password");
    assertThat(Pods.env(Pods.container(m.workload("vigil-clickhouse").template())))
        .containsEntry("CLICKHOUSE_PASSWORD", "secret:vigil-managed/clickhouse-password");
  }

  private static String freshNamespace() {
    return "secrets-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
