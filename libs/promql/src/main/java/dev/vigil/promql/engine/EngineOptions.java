package dev.vigil.promql.engine;

import java.time.Duration;

/**
 * Engine settings. {@code maxSeries} and {@code maxSamples} bound memory per query: the series a
 * query selects and the raw samples it loads (plus points it produces) across all its selectors.
 */
public record EngineOptions(
    Duration lookbackDelta, Duration defaultSubqueryStep, int maxSeries, long maxSamples) {

  public static EngineOptions defaults() {
    return new EngineOptions(Duration.ofMinutes(5), Duration.ofMinutes(1), 100_000, 50_000_000L);
  }

  public EngineOptions withLimits(int newMaxSeries, long newMaxSamples) {
    return new EngineOptions(lookbackDelta, defaultSubqueryStep, newMaxSeries, newMaxSamples);
  }
}
