package dev.vigil.processor.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether enrichment runs. {@code auto} means "inside a cluster": Kubernetes sets
 * {@code KUBERNETES_SERVICE_HOST} in every container and mounts the service account's token, and
 * without both there is no API server to ask (a laptop, the local stack, CI).
 */
record EnrichmentSwitch(boolean on, String reason) {

  static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  static EnrichmentSwitch of(KubernetesEnrichmentConfig.Enabled setting, Map<String, String> env, Path token) {
    return switch (setting) {
      case TRUE -> new EnrichmentSwitch(true, "vigil.kubernetes.enrichment.enabled=true");
      case FALSE -> new EnrichmentSwitch(false, "vigil.kubernetes.enrichment.enabled=false");
      case AUTO -> {
        String host = env.get("KUBERNETES_SERVICE_HOST");
        if (host == null || host.isBlank()) {
          yield new EnrichmentSwitch(false, "not running in a Kubernetes cluster (KUBERNETES_SERVICE_HOST is not set)");
        }
        if (!Files.isReadable(token)) {
          yield new EnrichmentSwitch(false, "no service account token at " + token
              + " (automountServiceAccountToken is off?)");
        }
        yield new EnrichmentSwitch(true, "running in a Kubernetes cluster");
      }
    };
  }
}
