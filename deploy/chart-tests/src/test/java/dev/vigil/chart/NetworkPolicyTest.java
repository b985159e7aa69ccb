package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.chart.Manifests.Workload;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Each component accepts connections only from what must reach it. "Must" is read from the rendered configuration:
 * whoever has a Kafka, ClickHouse or PostgreSQL address in its environment may reach that dependency, whoever is
 * configured with a service's URL may reach that service, and nobody else.
 */
class NetworkPolicyTest {

  static final String COMPONENT = "app.kubernetes.io/component";

  @Test
  void dependenciesAcceptOnlyTheComponentsConfiguredToUseThem() {
    Manifests m = ChartRenderer.chart().render();
    Map<String, String> dependencyVariable = Map.of(
        "kafka", "KAFKA_BOOTSTRAP_SERVERS", "clickhouse", "VIGIL_CLICKHOUSE_URL", "postgresql", "QUARKUS_DATASOURCE_JDBC_URL");
    SoftAssertions soft = new SoftAssertions();
    dependencyVariable.forEach((dependency, variable) -> {
      Set<String> users = componentsWhoseEnv(m, env -> env.containsKey(variable));
      NetworkPolicy policy = m.one(NetworkPolicy.class, "vigil-" + dependency);
      soft.assertThat(policy.getSpec().getIngress()).as(dependency).hasSize(1);
      soft.assertThat(allowedComponents(policy.getSpec().getIngress().get(0))).as("who may reach %s", dependency)
          .isEqualTo(users);
      soft.assertThat(users).as("users of %s", dependency).contains("migrations");
    });
    soft.assertAll();
  }

  @Test
  void internalServicesAcceptOnlyTheirCallersAndEdgesAcceptEveryone() {
    Manifests m = ChartRenderer.chart().render();
    SoftAssertions soft = new SoftAssertions();
    for (String internal : List.of("query-service", "alert-service")) {
      Set<String> callers = componentsWhoseEnv(m, env -> env.values().stream()
          .anyMatch(v -> v != null && v.contains("//vigil-" + internal + ".")));
      List<NetworkPolicyIngressRule> rules = m.one(NetworkPolicy.class, "vigil-" + internal).getSpec().getIngress();
      soft.assertThat(callers).as("callers of %s", internal).containsExactly("web-ui");
      soft.assertThat(rules).as(internal).singleElement()
          .satisfies(rule -> assertThat(allowedComponents(rule)).isEqualTo(callers));
    }
    for (String edge : List.of("web-ui", "ingest-gateway", "otlp-receiver")) {
      List<NetworkPolicyIngressRule> rules = m.one(NetworkPolicy.class, "vigil-" + edge).getSpec().getIngress();
      soft.assertThat(rules).as(edge).singleElement().satisfies(rule -> assertThat(rule.getFrom()).isEmpty());
    }
    soft.assertThat(m.one(NetworkPolicy.class, "vigil-event-processor").getSpec().getIngress())
        .as("nothing connects to event-processor").isEmpty();
    soft.assertAll();
  }

  @Test
  void everyPodOfTheChartIsCoveredByAPolicy() {
    for (String install : List.of("default", "external")) {
      Manifests m = ChartRenderer.profile(install).render();
      for (Workload w : m.workloads()) {
        assertThat(m.all(NetworkPolicy.class)).as("%s: a policy selects %s", install, w.name())
            .anyMatch(p -> Pods.selects(p.getSpec().getPodSelector().getMatchLabels(), w.template().getMetadata().getLabels()));
      }
    }
  }

  @Test
  void metricsScrapersAndEdgeSourcesAreConfigurable() {
    Manifests m = ChartRenderer.chart()
        .set("networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.name", "monitoring")
        .set("networkPolicy.edgeFrom[0].namespaceSelector.matchLabels.name", "ingress")
        .render();
    for (String service : ServiceProperties.SERVICES) {
      List<NetworkPolicyIngressRule> rules = m.one(NetworkPolicy.class, "vigil-" + service).getSpec().getIngress();
      assertThat(rules).as("%s: metrics scrapers allowed", service).anyMatch(rule -> rule.getFrom().size() == 1
          && rule.getFrom().get(0).getNamespaceSelector() != null
          && "monitoring".equals(rule.getFrom().get(0).getNamespaceSelector().getMatchLabels().get("name")));
      assertThat(rules).as(service).allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
    }
    assertThat(m.all(NetworkPolicy.class)).noneMatch(p -> p.getSpec().getPolicyTypes().contains("Egress"));
    assertThat(ChartRenderer.chart().set("networkPolicy.enabled", false).render().all(NetworkPolicy.class)).isEmpty();
  }

  private static Set<String> componentsWhoseEnv(Manifests m, java.util.function.Predicate<Map<String, String>> test) {
    return m.workloads().stream()
        .filter(w -> w.template().getSpec().getContainers().stream().anyMatch(c -> test.test(Pods.env(c))))
        .map(w -> w.template().getMetadata().getLabels().get(COMPONENT))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> allowedComponents(NetworkPolicyIngressRule rule) {
    return rule.getFrom().stream().map(NetworkPolicyPeer::getPodSelector)
        .map(s -> s.getMatchLabels().get(COMPONENT))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
