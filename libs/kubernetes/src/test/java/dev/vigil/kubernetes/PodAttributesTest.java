package dev.vigil.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodAttributesTest {

  @Test
  void aDeploymentsPodNamesItsNamespaceNodeReplicaSetDeploymentAndContainer() {
    Pod pod = Pods.created(Pods.ofDeployment("shop", "checkout", "7d4b9c8f5", "10.1.2.3"), Instant.now());

    Map<String, String> attributes = PodAttributes.of(pod, List.of("app", "team"));

    assertThat(attributes).containsOnly(
        entry("k8s.namespace.name", "shop"),
        entry("k8s.pod.name", pod.getMetadata().getName()),
        entry("k8s.pod.uid", pod.getMetadata().getUid()),
        entry("k8s.node.name", "node-a"),
        entry("k8s.replicaset.name", "checkout-7d4b9c8f5"),
        entry("k8s.deployment.name", "checkout"),
        entry("k8s.container.name", "checkout"),
        entry("k8s.pod.label.app", "checkout"));
  }

  @Test
  void aReplicaSetWhoseNameDoesNotEndWithThePodTemplateHashNamesNoDeployment() {
    Pod pod = new PodBuilder(Pods.created(Pods.ofDeployment("shop", "checkout", "7d4b9c8f5", "10.1.2.3"), Instant.now()))
        .editMetadata().addToLabels("pod-template-hash", "other").endMetadata().build();

    assertThat(PodAttributes.of(pod, List.of()))
        .containsEntry("k8s.replicaset.name", "checkout-7d4b9c8f5")
        .doesNotContainKey("k8s.deployment.name");
  }

  @Test
  void statefulSetDaemonSetAndJobOwnersAreNamedAsSuch() {
    assertThat(PodAttributes.of(ownedBy("StatefulSet", "postgres"), List.of())).containsEntry("k8s.statefulset.name", "postgres");
    assertThat(PodAttributes.of(ownedBy("DaemonSet", "node-agent"), List.of())).containsEntry("k8s.daemonset.name", "node-agent");
    assertThat(PodAttributes.of(ownedBy("Job", "migrate"), List.of()))
        .containsEntry("k8s.job.name", "migrate")
        .doesNotContainKey("k8s.cronjob.name");
  }

  @Test
  void aJobNamedWithAScheduledMinuteBelongsToACronJobButOneNamedWithADateDoesNot() {
    // CronJobs name their Jobs <cronjob>-<minutes since the epoch>: 29430120 is a minute of 2025.
    assertThat(PodAttributes.of(ownedBy("Job", "nightly-report-29430120"), List.of()))
        .containsEntry("k8s.job.name", "nightly-report-29430120")
        .containsEntry("k8s.cronjob.name", "nightly-report");
    assertThat(PodAttributes.of(ownedBy("Job", "backup-20240101"), List.of())).doesNotContainKey("k8s.cronjob.name");
  }

  @Test
  void theOwnerMarkedAsControllerWinsOverOtherOwners() {
    Pod pod = new PodBuilder(ownedBy("ConfigMap", "unrelated"))
        .editMetadata()
        .addToOwnerReferences(new OwnerReferenceBuilder().withKind("StatefulSet").withName("kafka").withController(true).build())
        .endMetadata()
        .build();

    assertThat(PodAttributes.of(pod, List.of())).containsEntry("k8s.statefulset.name", "kafka");
  }

  @Test
  void aPodWithSeveralContainersNamesNone() {
    Pod pod = new PodBuilder(ownedBy("StatefulSet", "db"))
        .editSpec().addToContainers(new ContainerBuilder().withName("exporter").build()).endSpec()
        .build();

    assertThat(PodAttributes.of(pod, List.of())).doesNotContainKey("k8s.container.name");
  }

  private static Pod ownedBy(String kind, String name) {
    return new PodBuilder()
        .withNewMetadata().withNamespace("ops").withName(name + "-0").withUid("uid-" + name)
        .addToOwnerReferences(new OwnerReferenceBuilder().withKind(kind).withName(name).build())
        .endMetadata()
        .withNewSpec().addToContainers(new ContainerBuilder().withName("main").build()).endSpec()
        .build();
  }
}
