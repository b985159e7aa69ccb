package dev.vigil.otlp.metrics;

import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.common.UnixNanos;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Sum;
import java.util.List;
import java.util.Map;

/**
 * Gauges and sums: a gauge and a non-monotonic sum become a Prometheus gauge, a monotonic sum a
 * counter named {@code ..._total}; delta sums are added up into cumulative values first.
 */
final class NumberPoints {

  private NumberPoints() {}

  static void gauge(PointContext ctx, Metric metric) {
    String name = PrometheusNames.metricName(metric.getName(), metric.getUnit(), PrometheusNames.Kind.GAUGE);
    Family family = new Family(name, MetricType.GAUGE, metric.getUnit(), metric.getDescription());
    emit(ctx, family, metric.getGauge().getDataPointsList(), false);
  }

  static void sum(PointContext ctx, Metric metric) {
    Sum sum = metric.getSum();
    PrometheusNames.Kind kind =
        sum.getIsMonotonic() ? PrometheusNames.Kind.MONOTONIC_COUNTER : PrometheusNames.Kind.NON_MONOTONIC_COUNTER;
    String name = PrometheusNames.metricName(metric.getName(), metric.getUnit(), kind);
    MetricType type = sum.getIsMonotonic() ? MetricType.COUNTER : MetricType.GAUGE;
    Family family = new Family(name, type, metric.getUnit(), metric.getDescription());
    boolean delta = sum.getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
    emit(ctx, family, sum.getDataPointsList(), delta);
  }

  private static void emit(PointContext ctx, Family family, List<NumberDataPoint> points, boolean delta) {
    if (family.name().isEmpty()) {
      return;
    }
    for (NumberDataPoint point : points) {
      Map<String, String> labels = ctx.labels().of(point.getAttributesList());
      long timeNanos = ctx.timeOf(point.getTimeUnixNano());
      double value;
      if (PointContext.noRecordedValue(point.getFlags())) {
        value = BatchCollector.STALE_NAN;
      } else if (delta) {
        Double total =
            ctx.state()
                .add(Fingerprints.of(family.name(), labels), timeNanos, valueOf(point), Double.class, Double::sum);
        if (total == null) {
          continue;
        }
        value = total;
      } else {
        value = valueOf(point);
      }
      long millis = UnixNanos.toMillis(timeNanos);
      long fingerprint = ctx.out().sample(family, family.name(), labels, millis, value);
      point.getExemplarsList().forEach(e -> ctx.out().exemplar(family.name(), fingerprint, e, millis));
    }
  }

  private static double valueOf(NumberDataPoint point) {
    return point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt() : point.getAsDouble();
  }
}
