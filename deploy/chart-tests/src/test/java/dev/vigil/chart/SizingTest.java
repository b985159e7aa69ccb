package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.chart.Manifests.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

/**
 * Pods and memory of each profile, computed from the rendered manifests and printed (docs/kubernetes.md quotes
 * them). The small profile must run the whole platform within 10 pods and 2 GiB of memory requests.
 */
class SizingTest {

  static final long MIB = 1024 * 1024;

  record Totals(int steadyPods, long steadyRequests, long steadyLimits, int jobPods, long jobRequests) {
    int podsDuringUpgrade() {
      return steadyPods + jobPods;
    }

    long requestsDuringUpgrade() {
      return steadyRequests + jobRequests;
    }
  }

  @Test
  void smallProfileRunsTheWholePlatformInTenPodsAndTwoGibibytesOfRequests() {
    Manifests m = ChartRenderer.profile("small").render();
    assertThat(m.all(HorizontalPodAutoscaler.class)).as("no autoscaler may add pods").isEmpty();

    Totals small = totals("small", m);

    assertThat(small.podsDuringUpgrade()).as("pods, the migration Job's included").isLessThanOrEqualTo(10);
    assertThat(small.requestsDuringUpgrade()).as("memory requests, the migration Job's included")
        .isLessThanOrEqualTo(2048 * MIB);
  }

  @Test
  void defaultProfileSizing() {
    Totals defaults = totals("default", ChartRenderer.profile("default").render());

    assertThat(defaults.steadyPods()).isEqualTo(9);
  }

  static Totals totals(String profile, Manifests m) {
    int steadyPods = 0;
    int jobPods = 0;
    long steadyRequests = 0;
    long steadyLimits = 0;
    long jobRequests = 0;
    System.out.printf("%s profile: pods x memory request / limit%n", profile);
    for (Workload w : m.workloads()) {
      int pods = w.replicas();
      long request = memory(w, true);
      long limit = memory(w, false);
      System.out.printf("  %-12s %-24s %d x %5d / %5d MiB%n", w.kind(), w.name(), pods, request / MIB, limit / MIB);
      if (w.kind().equals("Job")) {
        jobPods += pods;
        jobRequests += pods * request;
      } else {
        steadyPods += pods;
        steadyRequests += pods * request;
        steadyLimits += pods * limit;
      }
    }
    Totals totals = new Totals(steadyPods, steadyRequests, steadyLimits, jobPods, jobRequests);
    System.out.printf("  %s: %d pods, %d MiB requested, %d MiB limits; while the migration Job runs: %d pods, %d MiB requested%n",
        profile, steadyPods, steadyRequests / MIB, steadyLimits / MIB, totals.podsDuringUpgrade(),
        totals.requestsDuringUpgrade() / MIB);
    return totals;
  }

  /** Memory of a pod: its containers' sum (init containers run before them, so only the largest counts if larger). */
  private static long memory(Workload w, boolean requests) {
    long containers = w.template().getSpec().getContainers().stream().mapToLong(c -> memory(c, requests)).sum();
    long init = w.template().getSpec().getInitContainers().stream().mapToLong(c -> memory(c, requests)).max().orElse(0);
    return Math.max(containers, init);
  }

  private static long memory(Container c, boolean requests) {
    Quantity q = (requests ? c.getResources().getRequests() : c.getResources().getLimits()).get("memory");
    return q.getNumericalAmount().longValue();
  }
}
