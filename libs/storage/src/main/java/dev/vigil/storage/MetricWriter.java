package dev.vigil.storage;

import dev.vigil.domain.telemetry.MetricBatch;

/** Write side of metric storage: the series catalogue, samples and exemplars. */
public interface MetricWriter {

  /**
   * Stores series, samples and exemplars; same contract as {@link EventWriter#insert}. A sample
   * stored twice (same series and timestamp) is collapsed, as Prometheus keeps one value per
   * timestamp.
   */
  void insert(MetricBatch batch, String deduplicationToken);
}
