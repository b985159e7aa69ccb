package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schema migrations run as a Helm hook Job, with the event-processor image in its migrate-only mode. */
class MigrationJobTest {

  @Test
  void runsAfterInstallAndBeforeUpgradeAndRetriesWhileTheDatabasesStart() {
    Manifests m = ChartRenderer.chart().render();
    Job job = m.one(Job.class, "vigil-migrations");
    Map<String, String> annotations = job.getMetadata().getAnnotations();

    // ChartRenderer renamed helm.sh/hook* to this prefix so that the hook is rendered at all.
    assertThat(annotations).containsEntry(ChartRenderer.HOOK_PREFIX, "post-install,pre-upgrade")
        .containsEntry(ChartRenderer.HOOK_PREFIX + "-delete-policy", "before-hook-creation")
        .containsKey(ChartRenderer.HOOK_PREFIX + "-weight");
    assertThat(job.getSpec().getBackoffLimit()).isGreaterThanOrEqualTo(5);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive();
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
  }

  @Test
  void runsTheEventProcessorImageInMigrateOnlyModeWithoutKubernetesAccess() {
    Manifests m = ChartRenderer.chart().set("image.registry", "registry.example.com/team").set("image.tag", "1.2.3").render();
    var job = m.workload("vigil-migrations").template();
    var processor = m.workload("vigil-event-processor").template();
    Map<String, String> env = Pods.env(Pods.container(job));

    assertThat(Pods.container(job).getImage()).isEqualTo(Pods.container(processor).getImage())
        .isEqualTo("registry.example.com/team/vigil/event-processor:1.2.3");
    assertThat(env).containsEntry("VIGIL_MIGRATE_ONLY", "true")
        .containsEntry("VIGIL_KAFKA_TOPIC_PARTITIONS", "6")
        .containsEntry("VIGIL_KAFKA_REPLICATION_FACTOR", "1")
        .containsEntry("VIGIL_KUBERNETES_ENRICHMENT_ENABLED", "false");
    assertThat(job.getSpec().getAutomountServiceAccountToken()).isFalse();
  }
}
