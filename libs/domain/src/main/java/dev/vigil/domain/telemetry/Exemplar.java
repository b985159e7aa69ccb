package dev.vigil.domain.telemetry;

import java.util.Map;

/** A sampled measurement attached to a series point that names the trace it came from. */
public record Exemplar(
    long projectId,
    String metricName,
    long fingerprint,
    long timestampMillis,
    double value,
    String traceId,
    String spanId,
    Map<String, String> labels) {

  public Exemplar {
    labels = Map.copyOf(labels);
  }
}
