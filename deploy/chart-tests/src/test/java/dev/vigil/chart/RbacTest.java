package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.chart.Manifests.Workload;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only event-processor talks to the Kubernetes API, and may only get, list and watch pods. */
class RbacTest {

  @Test
  void watchingAllNamespacesGrantsGetListWatchOnPodsClusterWide() {
    Manifests m = ChartRenderer.chart().render();

    assertThat(m.all(ClusterRole.class)).singleElement()
        .satisfies(role -> assertOnlyReadsPods(role.getRules()));
    assertThat(m.all(Role.class)).isEmpty();
    ClusterRoleBinding binding = m.all(ClusterRoleBinding.class).get(0);
    assertThat(binding.getRoleRef().getName()).isEqualTo(m.all(ClusterRole.class).get(0).getMetadata().getName());
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getKind()).isEqualTo("ServiceAccount");
      assertThat(s.getName()).isEqualTo("vigil-event-processor");
      assertThat(s.getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
    });
    assertOnlyTheProcessorHasAToken(m, true);
    assertThat(Pods.env(Pods.container(m.workload("vigil-event-processor").template())))
        .containsEntry("VIGIL_KUBERNETES_ENRICHMENT_ENABLED", "true")
        .containsEntry("VIGIL_KUBERNETES_ENRICHMENT_LABELS", "app.kubernetes.io/name,app.kubernetes.io/version")
        .doesNotContainKey("VIGIL_KUBERNETES_ENRICHMENT_NAMESPACES");
  }

  @Test
  void listedNamespacesGetARoleEachAndNoClusterRole() {
    Manifests m = ChartRenderer.chart()
        .set("kubernetesMetadata.namespaces[0]", "shop").set("kubernetesMetadata.namespaces[1]", "payments").render();

    assertThat(m.all(ClusterRole.class)).isEmpty();
    assertThat(m.all(ClusterRoleBinding.class)).isEmpty();
    assertThat(m.all(Role.class)).extracting(r -> r.getMetadata().getNamespace()).containsExactlyInAnyOrder("shop", "payments");
    m.all(Role.class).forEach(r -> assertOnlyReadsPods(r.getRules()));
    for (RoleBinding binding : m.all(RoleBinding.class)) {
      assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
        assertThat(s.getName()).isEqualTo("vigil-event-processor");
        assertThat(s.getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
      });
    }
    assertThat(Pods.env(Pods.container(m.workload("vigil-event-processor").template())))
        .containsEntry("VIGIL_KUBERNETES_ENRICHMENT_NAMESPACES", "shop,payments");
  }

  @Test
  void disabledMetadataNeedsNoRbacAndNoToken() {
    Manifests m = ChartRenderer.chart().set("kubernetesMetadata.enabled", false).render();

    assertThat(m.all(ClusterRole.class)).isEmpty();
    assertThat(m.all(Role.class)).isEmpty();
    assertThat(m.all(ClusterRoleBinding.class)).isEmpty();
    assertThat(m.all(RoleBinding.class)).isEmpty();
    assertOnlyTheProcessorHasAToken(m, false);
    assertThat(Pods.env(Pods.container(m.workload("vigil-event-processor").template())))
        .containsEntry("VIGIL_KUBERNETES_ENRICHMENT_ENABLED", "false");
  }

  private static void assertOnlyReadsPods(List<PolicyRule> rules) {
    assertThat(rules).singleElement().satisfies(rule -> {
      assertThat(rule.getApiGroups()).containsExactly("");
      assertThat(rule.getResources()).containsExactly("pods");
      assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch");
      assertThat(rule.getResourceNames()).isEmpty();
      assertThat(rule.getNonResourceURLs()).isEmpty();
    });
  }

  private static void assertOnlyTheProcessorHasAToken(Manifests m, boolean processorHasOne) {
    for (Workload w : m.workloads()) {
      boolean expected = processorHasOne && w.name().equals("vigil-event-processor");
      assertThat(w.template().getSpec().getAutomountServiceAccountToken()).as("%s mounts a token", w.name())
          .isEqualTo(expected);
    }
  }
}
