package dev.vigil.processor.kubernetes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Kubernetes metadata on signals (docs/opentelemetry.md, "Kubernetes metadata"). */
@ConfigMapping(prefix = "vigil.kubernetes.enrichment")
public interface KubernetesEnrichmentConfig {

  /** Whether to add pod metadata: {@code auto} (only when running in a cluster), {@code true} or {@code false}. */
  @WithDefault("auto")
  Enabled enabled();

  /** Pod label keys copied as {@code k8s.pod.label.<key>}; none by default. */
  Optional<List<String>> labels();

  /** Namespaces whose pods are watched (a Role in each suffices); empty: all (needs a ClusterRole). */
  Optional<List<String>> namespaces();

  /** How long a deleted pod still matches signals received before its deletion (a backlog in Kafka). */
  @WithDefault("10m")
  Duration deletedPodRetention();

  /** The values of {@link #enabled()}. */
  enum Enabled {
    AUTO,
    TRUE,
    FALSE
  }
}
