package dev.vigil.domain.telemetry;

import java.util.List;

/** Series, samples and exemplars derived from OTLP metrics, written together. */
public record MetricBatch(List<MetricSeries> series, List<MetricSample> samples, List<Exemplar> exemplars) {

  public MetricBatch {
    series = List.copyOf(series);
    samples = List.copyOf(samples);
    exemplars = List.copyOf(exemplars);
  }

  public boolean isEmpty() {
    return series.isEmpty() && samples.isEmpty() && exemplars.isEmpty();
  }
}
