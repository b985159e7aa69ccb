package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rule files from values land where alert-service reads them: <rules dir>/<project id>/<name>.yml. */
class AlertRulesTest {

  @Test
  void ruleFilesAreMountedAsProjectDirectories() {
    Manifests m = ChartRenderer.chart()
        .set("alertService.rules.projects.1.checkout\\.yml", "groups: []")
        .set("alertService.rules.projects.42.latency\\.yaml", "groups: []")
        .render();
    var template = m.workload("vigil-alert-service").template();
    Map<String, String> env = Pods.env(Pods.container(template));
    VolumeMount mount = Pods.container(template).getVolumeMounts().stream()
        .filter(v -> v.getName().equals("alert-rules")).findFirst().orElseThrow();
    Volume volume = template.getSpec().getVolumes().stream().filter(v -> v.getName().equals("alert-rules")).findFirst().orElseThrow();
    ConfigMap rules = m.one(ConfigMap.class, volume.getConfigMap().getName());
    Map<String, String> paths = volume.getConfigMap().getItems().stream()
        .collect(Collectors.toMap(KeyToPath::getPath, i -> rules.getData().get(i.getKey())));

    assertThat(env).containsEntry("VIGIL_ALERTING_RULES_DIR", mount.getMountPath());
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(paths).containsOnlyKeys("1/checkout.yml", "42/latency.yaml");
    assertThat(paths.values()).allSatisfy(content -> assertThat(content.strip()).isEqualTo("groups: []"));
  }

  @Test
  void withoutRuleFilesNothingIsMounted() {
    Manifests m = ChartRenderer.chart().render();

    assertThat(Pods.env(Pods.container(m.workload("vigil-alert-service").template()))).doesNotContainKey("VIGIL_ALERTING_RULES_DIR");
    assertThat(m.all(ConfigMap.class)).extracting(c -> c.getMetadata().getName()).doesNotContain("vigil-alert-rules");
  }
}
