package dev.vigil.alerting.state;

import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.SeriesHash;
import java.util.Map;

/**
 * An alert's fingerprint: Prometheus's {@code labels.Labels.Hash()} of its labels (the PromQL engine's
 * {@link SeriesHash}). It is the identity an alert keeps across evaluations and restarts, so it must
 * never change; it equals the key Prometheus itself uses for the same alert. Empty label values are
 * absent labels, as in Prometheus.
 */
public final class AlertFingerprint {

  private AlertFingerprint() {}

  /** The fingerprint of an alert with these labels. */
  public static long of(Map<String, String> labels) {
    return SeriesHash.of(Labels.of(labels));
  }
}
