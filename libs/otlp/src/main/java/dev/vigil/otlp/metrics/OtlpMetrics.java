package dev.vigil.otlp.metrics;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.common.Attributes;
import dev.vigil.otlp.common.UnixNanos;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Converts OTLP metric exports into Prometheus-model series, samples and exemplars, as Prometheus's
 * own OTLP receiver does (names and labels per {@link PrometheusNames} and {@link PointLabels}, one
 * {@code target_info} series per resource). Stateful and thread-safe: it keeps the running totals that
 * turn delta temporality into cumulative counters ({@link CumulativeState}), so one instance must
 * see every point of a series, and should live as long as the consumer does.
 */
public final class OtlpMetrics {

  /** Series whose delta totals are kept by default; a histogram point counts as one series. */
  public static final int DEFAULT_MAX_SERIES = 1_000_000;

  private static final String TARGET_INFO = "target_info";
  private static final Family TARGET_INFO_FAMILY = new Family(TARGET_INFO, MetricType.INFO, "", "Target metadata");

  private final CumulativeState state;

  public OtlpMetrics() {
    this(DEFAULT_MAX_SERIES);
  }

  /** A converter remembering the delta totals of at most {@code maxSeries} series (least recently updated forgotten first). */
  public OtlpMetrics(int maxSeries) {
    if (maxSeries < 1) {
      throw new IllegalArgumentException("maxSeries must be positive: " + maxSeries);
    }
    this.state = new CumulativeState(maxSeries);
  }

  /** Like {@link #toBatch(long, ExportMetricsServiceRequest, Instant)} with the current time as the fallback. */
  public MetricBatch toBatch(long projectId, ExportMetricsServiceRequest request) {
    return toBatch(projectId, request, Instant.now());
  }

  /**
   * The series, samples and exemplars of the request, series deduplicated. Points without a time get
   * {@code receivedAt}; metrics whose name has no valid character left and points of unknown type are
   * skipped.
   */
  public MetricBatch toBatch(long projectId, ExportMetricsServiceRequest request, Instant receivedAt) {
    return toBatch(projectId, request, receivedAt, UnaryOperator.identity());
  }

  /**
   * Like {@link #toBatch(long, ExportMetricsServiceRequest, Instant)}, each resource's attributes first
   * passed through {@code resources}. Only {@code service.*} attributes shape a series' labels ({@code job},
   * {@code instance}); attributes {@code resources} adds beside those land in {@code target_info}
   * alone, so adding them never changes the identity of the other series.
   */
  public MetricBatch toBatch(long projectId, ExportMetricsServiceRequest request, Instant receivedAt,
      UnaryOperator<Map<String, String>> resources) {
    BatchCollector out = new BatchCollector(projectId);
    long fallbackNanos = UnixNanos.of(receivedAt);
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      Map<String, String> resource = resources.apply(Attributes.toMap(resourceMetrics.getResource().getAttributesList()));
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        PointLabels labels = new PointLabels(resource, scopeMetrics.getScope());
        PointContext ctx = new PointContext(out, labels, state, fallbackNanos);
        for (Metric metric : scopeMetrics.getMetricsList()) {
          convert(ctx, metric);
        }
      }
      long latest = out.takeLatestMillis();
      if (latest != Long.MIN_VALUE) {
        Map<String, String> info = PointLabels.targetInfo(resource);
        if (!info.isEmpty()) {
          out.sample(TARGET_INFO_FAMILY, TARGET_INFO, info, latest, 1.0);
          out.takeLatestMillis();
        }
      }
    }
    return out.build();
  }

  /** How many series' delta totals are currently remembered. */
  public int trackedSeries() {
    return state.size();
  }

  private static void convert(PointContext ctx, Metric metric) {
    switch (metric.getDataCase()) {
      case GAUGE -> NumberPoints.gauge(ctx, metric);
      case SUM -> NumberPoints.sum(ctx, metric);
      case HISTOGRAM -> HistogramPoints.histogram(ctx, metric);
      case EXPONENTIAL_HISTOGRAM -> HistogramPoints.exponential(ctx, metric);
      case SUMMARY -> HistogramPoints.summary(ctx, metric);
      case DATA_NOT_SET -> {
        // Nothing to convert: a metric without data (OTLP allows it, e.g. from a filtering proxy).
      }
    }
  }
}
