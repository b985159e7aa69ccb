package dev.vigil.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** Pods as the API server reports them, built field by field for the tests. */
final class Pods {

  private Pods() {}

  /** A running pod of the Deployment {@code deployment} (ReplicaSet {@code deployment-<hash>}). */
  static PodBuilder ofDeployment(String namespace, String deployment, String hash, String ip) {
    String replicaSet = deployment + "-" + hash;
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(replicaSet + "-" + UUID.randomUUID().toString().substring(0, 5))
        .addToLabels("app", deployment)
        .addToLabels("pod-template-hash", hash)
        .addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
            .withName(replicaSet).withController(true).withUid(UUID.randomUUID().toString()).build())
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-a")
        .addToContainers(new ContainerBuilder().withName(deployment).withImage("example/" + deployment).build())
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP(ip)
        .withPodIPs(new PodIPBuilder().withIp(ip).build())
        .endStatus();
  }

  /** {@link #ofDeployment} with a UID and a creation time, as the API server would have set them. */
  static Pod created(PodBuilder pod, Instant at) {
    return pod.editMetadata()
        .withUid(UUID.randomUUID().toString())
        .withCreationTimestamp(at.toString())
        .endMetadata()
        .build();
  }

  static Pod withStatus(Pod pod, String phase, String... ips) {
    return new PodBuilder(pod)
        .editStatus()
        .withPhase(phase)
        .withPodIP(ips.length == 0 ? null : ips[0])
        .withPodIPs(Arrays.stream(ips).map(ip -> new PodIPBuilder().withIp(ip).build()).toList())
        .endStatus()
        .build();
  }

  static Pod withLabels(Pod pod, Map<String, String> labels) {
    return new PodBuilder(pod).editMetadata().addToLabels(labels).endMetadata().build();
  }
}
