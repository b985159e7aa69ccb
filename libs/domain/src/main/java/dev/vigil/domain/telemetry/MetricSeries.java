package dev.vigil.domain.telemetry;

import java.util.Map;

/**
 * A Prometheus-style series: the metric name plus labels identify it; the fingerprint is a stable
 * 64-bit hash of exactly that identity ({@code __name__} and every label), used to join samples to
 * their series. {@code metricName} is the full series name ({@code http_server_duration_seconds_bucket},
 * {@code ..._sum}, {@code ..._count} for histograms); {@code family} is the name the metadata is
 * reported under ({@code http_server_duration_seconds}). Labels do not include {@code __name__}.
 */
public record MetricSeries(
    long projectId,
    String metricName,
    long fingerprint,
    Map<String, String> labels,
    String family,
    MetricType type,
    String unit,
    String help) {

  public MetricSeries {
    labels = Map.copyOf(labels);
  }
}
