package dev.vigil.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The informer's cache, holding of each pod only what {@link PodIndex} reads. A full pod (managed
 * fields, container specs, conditions) weighs tens of kilobytes; a cluster's worth of them would take
 * a large share of a small processor's heap. The informer hands the stored copy to its handlers for
 * the pods of its first list, so this copy keeps every field the index reads.
 */
final class SlimPodStore extends BasicItemStore<Pod> {

  private final Set<String> labelKeys;

  /** @param labelKeys the labels the index copies; the others are dropped */
  SlimPodStore(List<String> labelKeys) {
    super(Cache::metaNamespaceKeyFunc);
    this.labelKeys = Set.copyOf(labelKeys);
  }

  @Override
  public Pod put(String key, Pod pod) {
    return super.put(key, slim(pod));
  }

  Pod slim(Pod pod) {
    PodBuilder slim = new PodBuilder()
        .withNewMetadata()
        .withName(pod.getMetadata().getName())
        .withNamespace(pod.getMetadata().getNamespace())
        .withUid(pod.getMetadata().getUid())
        .withResourceVersion(pod.getMetadata().getResourceVersion())
        .withCreationTimestamp(pod.getMetadata().getCreationTimestamp())
        .withLabels(labels(pod))
        .withOwnerReferences(owners(pod))
        .endMetadata();
    if (pod.getSpec() != null) {
      slim.withNewSpec()
          .withNodeName(pod.getSpec().getNodeName())
          .withHostNetwork(pod.getSpec().getHostNetwork())
          .withContainers(pod.getSpec().getContainers() == null ? List.of()
              : pod.getSpec().getContainers().stream().map(c -> new ContainerBuilder().withName(c.getName()).build()).toList())
          .endSpec();
    }
    if (pod.getStatus() != null) {
      slim.withNewStatus()
          .withPhase(pod.getStatus().getPhase())
          .withPodIP(pod.getStatus().getPodIP())
          .withPodIPs(pod.getStatus().getPodIPs())
          .endStatus();
    }
    return slim.build();
  }

  private Map<String, String> labels(Pod pod) {
    Map<String, String> kept = new LinkedHashMap<>();
    PodAttributes.labels(pod).forEach((key, value) -> {
      if (labelKeys.contains(key) || key.equals(PodAttributes.POD_TEMPLATE_HASH)) {
        kept.put(key, value);
      }
    });
    return kept;
  }

  private static List<OwnerReference> owners(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    return owners == null ? List.of()
        : owners.stream().map(o -> new OwnerReferenceBuilder().withController(o.getController()).withKind(o.getKind()).withName(o.getName()).build())
        .toList();
  }
}
