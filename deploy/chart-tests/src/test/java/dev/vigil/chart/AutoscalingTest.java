package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/** Autoscalers are optional; disruption budgets exist only where they cannot block a node drain. */
class AutoscalingTest {

  @Test
  void singlePodsGetNoDisruptionBudgetThatWouldBlockADrain() {
    Manifests m = ChartRenderer.chart().render();

    assertThat(m.all(HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(m.all(PodDisruptionBudget.class)).isEmpty();
  }

  @Test
  void severalReplicasGetABudgetAllowingOnePodDown() {
    Manifests m = ChartRenderer.chart().set("queryService.replicas", 2).set("alertService.replicas", 2).render();

    assertThat(m.all(PodDisruptionBudget.class)).extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("vigil-query-service", "vigil-alert-service");
    assertThat(m.all(PodDisruptionBudget.class)).allSatisfy(p -> {
      assertThat(p.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
      assertThat(p.getSpec().getMinAvailable()).isNull();
      Deployment target = m.one(Deployment.class, p.getMetadata().getName());
      assertThat(p.getSpec().getSelector().getMatchLabels()).isEqualTo(target.getSpec().getSelector().getMatchLabels());
    });
  }

  @Test
  void anAutoscalerOwnsTheReplicasOfItsDeployment() {
    Manifests m = ChartRenderer.chart().set("eventProcessor.autoscaling.enabled", true)
        .set("eventProcessor.autoscaling.maxReplicas", 6).render();
    HorizontalPodAutoscaler hpa = m.one(HorizontalPodAutoscaler.class, "vigil-event-processor");

    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("vigil-event-processor");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
    assertThat(m.one(Deployment.class, "vigil-event-processor").getSpec().getReplicas()).isNull();
    assertThat(m.all(PodDisruptionBudget.class)).extracting(p -> p.getMetadata().getName()).containsExactly("vigil-event-processor");
  }

  @Test
  void eventProcessorCannotScaleBeyondTheTopicPartitions() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChartRenderer.chart()
            .set("eventProcessor.autoscaling.enabled", true).set("eventProcessor.autoscaling.maxReplicas", 12).render())
        .hasMessageContaining("eventProcessor runs up to 12 replicas but kafka.topicPartitions is 6");
    assertThat(ChartRenderer.chart().set("kafka.topicPartitions", 12).set("eventProcessor.autoscaling.enabled", true)
        .set("eventProcessor.autoscaling.maxReplicas", 12).render().all(HorizontalPodAutoscaler.class)).hasSize(1);
  }
}
