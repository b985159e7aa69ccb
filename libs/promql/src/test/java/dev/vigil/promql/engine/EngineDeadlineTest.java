package dev.vigil.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A query's timeout also bounds the work after its samples were loaded: Prometheus answers
 * {@code timeout} "query timed out in expression evaluation", and so does the engine, instead of
 * computing on past the deadline.
 */
class EngineDeadlineTest {

  private final InMemorySeriesSource samples = new InMemorySeriesSource();

  EngineDeadlineTest() {
    for (long t = 0; t <= 3_600_000; t += 15_000) {
      samples.add(Labels.of("__name__", "requests_total", "job", "api"), t, t / 1000.0);
    }
  }

  @Test
  void aQueryWhoseLoadingOutlastsItsDeadlineStopsBeforeEvaluating() {
    // The source answers only after the deadline has passed, like a slow storage read.
    SeriesSource slow = (matchers, min, max) -> {
      sleep(80);
      return samples.select(matchers, min, max);
    };
    Engine engine = new Engine(slow, EngineOptions.defaults(), Deadline.at(Instant.now().plusMillis(20)));

    assertThatThrownBy(() -> engine.rangeQuery("max_over_time(rate(requests_total[5m])[30m:1s])", 1_800_000, 3_600_000, 15_000))
        .isInstanceOfSatisfying(PromqlException.class, e -> {
          assertThat(e.errorType()).isEqualTo("timeout");
          assertThat(e.getMessage()).isEqualTo("query timed out in expression evaluation");
        });
  }

  @Test
  void withoutADeadlineTheSameQueryAnswers() {
    Engine engine = new Engine(samples, EngineOptions.defaults());

    Matrix m = engine.rangeQuery("max_over_time(rate(requests_total[5m])[30m:1m])", 1_800_000, 3_600_000, 60_000);

    assertThat(m.series()).hasSize(1);
    assertThat(java.util.Arrays.stream(m.series().get(0).values()).boxed().toList())
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
