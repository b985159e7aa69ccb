package dev.vigil.processor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.processor.kubernetes.KubernetesEnrichmentConfig.Enabled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentSwitchTest {

  @TempDir Path dir;

  @Test
  void autoIsOnOnlyWithTheServiceHostAndAServiceAccountToken() throws Exception {
    Path token = dir.resolve("token");
    Map<String, String> inCluster = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1");

    assertThat(EnrichmentSwitch.of(Enabled.AUTO, Map.of(), token).on()).isFalse();
    EnrichmentSwitch noToken = EnrichmentSwitch.of(Enabled.AUTO, inCluster, token);
    assertThat(noToken.on()).isFalse();
    assertThat(noToken.reason()).contains("no service account token");

    Files.writeString(token, "eyJhbGciOi");
    assertThat(EnrichmentSwitch.of(Enabled.AUTO, inCluster, token).on()).isTrue();
    assertThat(EnrichmentSwitch.of(Enabled.AUTO, Map.of(), token).reason()).contains("not running in a Kubernetes cluster");
  }

  @Test
  void trueAndFalseDecideWhateverTheEnvironment() {
    Path missing = dir.resolve("missing");
    assertThat(EnrichmentSwitch.of(Enabled.TRUE, Map.of(), missing).on()).isTrue();
    assertThat(EnrichmentSwitch.of(Enabled.FALSE, Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"), missing).on()).isFalse();
  }
}
