package dev.vigil.storage.prometheus;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.metrics.Fingerprints;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.RawSeries;
import dev.vigil.storage.MetricWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes series into Vigil's metric storage as event-processor does: a catalogue row per series (labels
 * without {@code __name__}, Prometheus's fingerprint, the type its name suggests) and its samples, in
 * batches of about {@link #BATCH_SAMPLES} samples.
 */
public final class StoredSeries {

  static final int BATCH_SAMPLES = 100_000;

  private StoredSeries() {}

  public static void write(MetricWriter writer, long projectId, Collection<RawSeries> series) {
    List<MetricSeries> catalogue = new ArrayList<>();
    List<MetricSample> samples = new ArrayList<>();
    int batch = 0;
    for (RawSeries s : series) {
      String name = s.labels().metricName();
      Map<String, String> labels = s.labels().without(Labels.METRIC_NAME).toMap();
      long fp = Fingerprints.of(name, labels);
      catalogue.add(new MetricSeries(projectId, name, fp, labels, family(name), type(name), "", ""));
      for (int i = 0; i < s.size(); i++) {
        samples.add(new MetricSample(projectId, name, fp, s.timestamps()[i], s.values()[i]));
      }
      if (samples.size() >= BATCH_SAMPLES) {
        writer.insert(new MetricBatch(catalogue, samples, List.of()), "stored-series-" + projectId + "-" + batch++);
        catalogue.clear();
        samples.clear();
      }
    }
    if (!catalogue.isEmpty()) {
      writer.insert(new MetricBatch(catalogue, samples, List.of()), "stored-series-" + projectId + "-" + batch);
    }
  }

  static MetricType type(String name) {
    if (name.endsWith("_total")) {
      return MetricType.COUNTER;
    }
    if (name.endsWith("_bucket") || name.endsWith("_sum") || name.endsWith("_count")) {
      return MetricType.HISTOGRAM;
    }
    return MetricType.GAUGE;
  }

  static String family(String name) {
    return switch (type(name)) {
      case COUNTER -> name.substring(0, name.length() - "_total".length());
      case HISTOGRAM -> name.substring(0, name.lastIndexOf('_'));
      default -> name;
    };
  }
}
