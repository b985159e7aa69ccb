package dev.vigil.domain.telemetry;

/**
 * One sample of a series at a millisecond timestamp, as Prometheus stores it. A Prometheus staleness
 * marker is the NaN with bit pattern {@link #STALE_NAN_BITS}.
 */
public record MetricSample(long projectId, String metricName, long fingerprint, long timestampMillis, double value) {

  /** Prometheus's staleness marker (value.StaleNaN): written when a point has no recorded value. */
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;
}
