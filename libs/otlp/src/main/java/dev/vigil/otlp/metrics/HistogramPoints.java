package dev.vigil.otlp.metrics;

import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.common.UnixNanos;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Histograms, exponential histograms and summaries as Prometheus classic series:
 * {@code _bucket{le}} (cumulative, with {@code le="+Inf"}), {@code _sum}, {@code _count}, and
 * {@code {quantile}} for summaries. Exponential histograms become classic buckets at their
 * exponential bounds; delta points are added up into cumulative ones first.
 */
final class HistogramPoints {

  private HistogramPoints() {}

  static void histogram(PointContext ctx, Metric metric) {
    Family family = family(metric, PrometheusNames.Kind.HISTOGRAM, MetricType.HISTOGRAM);
    boolean delta =
        metric.getHistogram().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
    if (family.name().isEmpty()) {
      return;
    }
    for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
      Map<String, String> labels = ctx.labels().of(point.getAttributesList());
      long timeNanos = ctx.timeOf(point.getTimeUnixNano());
      boolean stale = PointContext.noRecordedValue(point.getFlags());
      ClassicHistogram histogram = ClassicHistogram.of(point);
      if (delta && !stale) {
        histogram =
            ctx.state()
                .add(Fingerprints.of(family.name(), labels), timeNanos, histogram, ClassicHistogram.class, ClassicHistogram::plus);
      }
      if (histogram != null) {
        emit(ctx, family, labels, UnixNanos.toMillis(timeNanos), histogram, stale, point.getExemplarsList());
      }
    }
  }

  static void exponential(PointContext ctx, Metric metric) {
    Family family = family(metric, PrometheusNames.Kind.EXPONENTIAL_HISTOGRAM, MetricType.HISTOGRAM);
    boolean delta =
        metric.getExponentialHistogram().getAggregationTemporality()
            == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
    if (family.name().isEmpty()) {
      return;
    }
    for (ExponentialHistogramDataPoint point : metric.getExponentialHistogram().getDataPointsList()) {
      Map<String, String> labels = ctx.labels().of(point.getAttributesList());
      long timeNanos = ctx.timeOf(point.getTimeUnixNano());
      boolean stale = PointContext.noRecordedValue(point.getFlags());
      ExponentialCounts counts = ExponentialCounts.of(point);
      if (delta && !stale) {
        counts =
            ctx.state()
                .add(Fingerprints.of(family.name(), labels), timeNanos, counts, ExponentialCounts.class, ExponentialCounts::plus);
      }
      if (counts != null) {
        emit(ctx, family, labels, UnixNanos.toMillis(timeNanos), counts.toClassic(), stale, point.getExemplarsList());
      }
    }
  }

  static void summary(PointContext ctx, Metric metric) {
    Family family = family(metric, PrometheusNames.Kind.SUMMARY, MetricType.SUMMARY);
    if (family.name().isEmpty()) {
      return;
    }
    for (SummaryDataPoint point : metric.getSummary().getDataPointsList()) {
      Map<String, String> labels = ctx.labels().of(point.getAttributesList());
      long millis = UnixNanos.toMillis(ctx.timeOf(point.getTimeUnixNano()));
      boolean stale = PointContext.noRecordedValue(point.getFlags());
      for (SummaryDataPoint.ValueAtQuantile quantile : point.getQuantileValuesList()) {
        Map<String, String> quantileLabels = with(labels, "quantile", PrometheusNames.formatFloat(quantile.getQuantile()));
        ctx.out().sample(family, family.name(), quantileLabels, millis, stale ? BatchCollector.STALE_NAN : quantile.getValue());
      }
      ctx.out().sample(family, family.name() + "_sum", labels, millis, stale ? BatchCollector.STALE_NAN : point.getSum());
      ctx.out().sample(family, family.name() + "_count", labels, millis, stale ? BatchCollector.STALE_NAN : point.getCount());
    }
  }

  private static void emit(
      PointContext ctx,
      Family family,
      Map<String, String> labels,
      long millis,
      ClassicHistogram histogram,
      boolean stale,
      List<io.opentelemetry.proto.metrics.v1.Exemplar> exemplars) {
    String base = family.name();
    BatchCollector out = ctx.out();
    if (histogram.hasSum()) {
      out.sample(family, base + "_sum", labels, millis, stale ? BatchCollector.STALE_NAN : histogram.sum());
    }
    out.sample(family, base + "_count", labels, millis, stale ? BatchCollector.STALE_NAN : histogram.count());
    double[] bounds = histogram.bounds();
    long[] bucketFingerprints = new long[bounds.length + 1];
    long cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += histogram.counts()[i];
      Map<String, String> bucketLabels = with(labels, "le", PrometheusNames.formatFloat(bounds[i]));
      bucketFingerprints[i] =
          out.sample(family, base + "_bucket", bucketLabels, millis, stale ? BatchCollector.STALE_NAN : cumulative);
    }
    bucketFingerprints[bounds.length] =
        out.sample(
            family, base + "_bucket", with(labels, "le", "+Inf"), millis, stale ? BatchCollector.STALE_NAN : histogram.count());
    // As Prometheus does: an exemplar belongs to the first bucket whose bound is not below its value.
    for (io.opentelemetry.proto.metrics.v1.Exemplar exemplar : exemplars) {
      int bucket = histogram.bucketOf(BatchCollector.valueOf(exemplar));
      out.exemplar(base + "_bucket", bucketFingerprints[bucket], exemplar, millis);
    }
  }

  private static Family family(Metric metric, PrometheusNames.Kind kind, MetricType type) {
    String name = PrometheusNames.metricName(metric.getName(), metric.getUnit(), kind);
    return new Family(name, type, metric.getUnit(), metric.getDescription());
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> copy = new HashMap<>(labels);
    copy.put(name, value);
    return copy;
  }
}
