package dev.vigil.otlp.metrics;

import dev.vigil.domain.telemetry.Exemplar;
import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.otlp.common.Attributes;
import dev.vigil.otlp.common.Ids;
import dev.vigil.otlp.common.UnixNanos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates the series (once each), samples and exemplars of one batch. */
final class BatchCollector {

  /** The value Prometheus writes when a point says it has no recorded value. */
  static final double STALE_NAN = Double.longBitsToDouble(MetricSample.STALE_NAN_BITS);

  private final long projectId;
  private final Map<Long, MetricSeries> series = new LinkedHashMap<>();
  private final List<MetricSample> samples = new ArrayList<>();
  private final List<Exemplar> exemplars = new ArrayList<>();
  private long latestMillis = Long.MIN_VALUE;

  BatchCollector(long projectId) {
    this.projectId = projectId;
  }

  /** Adds a sample of {@code metricName{labels}} and returns the series' fingerprint. */
  long sample(Family family, String metricName, Map<String, String> labels, long millis, double value) {
    long fingerprint = Fingerprints.of(metricName, labels);
    series.computeIfAbsent(
        fingerprint,
        fp ->
            new MetricSeries(
                projectId, metricName, fp, labels, family.name(), family.type(), family.unit(), family.help()));
    samples.add(new MetricSample(projectId, metricName, fingerprint, millis, value));
    latestMillis = Math.max(latestMillis, millis);
    return fingerprint;
  }

  /** Adds an OTLP exemplar to a series; its time falls back to the point's. */
  void exemplar(
      String metricName, long fingerprint, io.opentelemetry.proto.metrics.v1.Exemplar exemplar, long pointMillis) {
    long millis = exemplar.getTimeUnixNano() == 0 ? pointMillis : UnixNanos.toMillis(exemplar.getTimeUnixNano());
    exemplars.add(
        new Exemplar(
            projectId,
            metricName,
            fingerprint,
            millis,
            valueOf(exemplar),
            Ids.hex(exemplar.getTraceId()),
            Ids.hex(exemplar.getSpanId()),
            Attributes.toMap(exemplar.getFilteredAttributesList())));
  }

  /** The latest sample time added since the last call, or {@link Long#MIN_VALUE} when none. */
  long takeLatestMillis() {
    long latest = latestMillis;
    latestMillis = Long.MIN_VALUE;
    return latest;
  }

  MetricBatch build() {
    return new MetricBatch(List.copyOf(series.values()), samples, exemplars);
  }

  static double valueOf(io.opentelemetry.proto.metrics.v1.Exemplar exemplar) {
    return exemplar.getValueCase() == io.opentelemetry.proto.metrics.v1.Exemplar.ValueCase.AS_INT
        ? exemplar.getAsInt()
        : exemplar.getAsDouble();
  }
}
