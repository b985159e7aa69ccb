package dev.vigil.otlp.metrics;

import static dev.vigil.otlp.metrics.Points.SECOND;
import static dev.vigil.otlp.metrics.Points.T0;
import static dev.vigil.otlp.metrics.Points.kv;
import static dev.vigil.otlp.metrics.Points.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpMetricsTest {

  private static final int STALE = DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE;

  @Test
  void writesPrometheusStaleMarkersForPointsWithoutRecordedValue() {
    MetricBatch batch =
        new OtlpMetrics()
            .toBatch(1, request(
                counter("jobs", AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
                    NumberDataPoint.newBuilder().setTimeUnixNano(T0).setFlags(STALE).build()),
                histogram("latency", AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
                    HistogramDataPoint.newBuilder().setTimeUnixNano(T0).setFlags(STALE).setSum(0).addExplicitBounds(1).build())));

    assertThat(batch.samples()).hasSize(5).allSatisfy(sample ->
        assertThat(Double.doubleToRawLongBits(sample.value())).isEqualTo(MetricSample.STALE_NAN_BITS));
    assertThat(batch.samples()).extracting(MetricSample::metricName)
        .containsExactlyInAnyOrder("jobs_total", "latency_sum", "latency_count", "latency_bucket", "latency_bucket");
  }

  @Test
  void addsUpDeltaSumsPerSeriesAndDropsPointsThatAreNotNewer() {
    OtlpMetrics metrics = new OtlpMetrics();
    AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;

    assertThat(values(metrics.toBatch(1, request(counter("jobs", delta, point(T0, 5, "queue", "a"), point(T0, 1, "queue", "b"))))))
        .containsExactly(5.0, 1.0);
    assertThat(values(metrics.toBatch(1, request(counter("jobs", delta, point(T0 + SECOND, 2, "queue", "a"))))))
        .containsExactly(7.0);
    assertThat(values(metrics.toBatch(1, request(counter("jobs", delta, point(T0 + SECOND, 2, "queue", "a"), point(T0, 9, "queue", "a"))))))
        .as("a replayed and an older point")
        .isEmpty();
    assertThat(values(metrics.toBatch(1, request(upDown("pool", delta, point(T0, 4, "queue", "a"))))))
        .containsExactly(4.0);
    assertThat(values(metrics.toBatch(1, request(upDown("pool", delta, point(T0 + SECOND, -6, "queue", "a"))))))
        .as("a delta up-down counter is added up too")
        .containsExactly(-2.0);
  }

  @Test
  void forgetsTheLeastRecentlyUpdatedSeriesBeyondItsBound() {
    OtlpMetrics metrics = new OtlpMetrics(2);
    AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
    metrics.toBatch(1, request(counter("jobs", delta, point(T0, 10, "queue", "a"))));
    metrics.toBatch(1, request(counter("jobs", delta, point(T0, 10, "queue", "b"))));
    metrics.toBatch(1, request(counter("jobs", delta, point(T0, 10, "queue", "c"))));

    assertThat(metrics.trackedSeries()).isEqualTo(2);
    assertThat(values(metrics.toBatch(1, request(counter("jobs", delta, point(T0 + SECOND, 1, "queue", "a"))))))
        .as("series a was forgotten: its total restarts, which PromQL reads as a counter reset")
        .containsExactly(1.0);
    assertThatThrownBy(() -> new OtlpMetrics(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void restartsADeltaHistogramWhoseBoundsChanged() {
    OtlpMetrics metrics = new OtlpMetrics();
    AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
    metrics.toBatch(1, request(histogram("latency", delta, histogramPoint(T0, List.of(1.0), List.of(3L, 1L)))));
    MetricBatch same = metrics.toBatch(1, request(histogram("latency", delta, histogramPoint(T0 + SECOND, List.of(1.0), List.of(1L, 1L)))));
    MetricBatch changed = metrics.toBatch(1, request(histogram("latency", delta, histogramPoint(T0 + 2 * SECOND, List.of(2.0), List.of(1L, 0L)))));

    assertThat(byLe(same)).containsExactly(Map.entry("1", 4.0), Map.entry("+Inf", 6.0));
    assertThat(byLe(changed)).containsExactly(Map.entry("2", 1.0), Map.entry("+Inf", 1.0));
  }

  @Test
  void convertsExponentialHistogramsWithNegativeAndZeroBuckets() {
    ExponentialHistogramDataPoint point =
        ExponentialHistogramDataPoint.newBuilder()
            .setTimeUnixNano(T0)
            .setScale(0)
            .setCount(7)
            .setSum(10)
            .setZeroCount(1)
            .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(0).addBucketCounts(2).addBucketCounts(1))
            .setNegative(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(1).addBucketCounts(3))
            .build();
    Metric metric =
        Metric.newBuilder()
            .setName("temperature.change")
            .setUnit("Cel")
            .setExponentialHistogram(
                ExponentialHistogram.newBuilder()
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(point))
            .build();

    MetricBatch batch = new OtlpMetrics().toBatch(1, request(metric));

    // Scale 0: base 2. Negative bucket 1 holds [-4, -2); zero bucket; positive 0 → (1, 2], 1 → (2, 4].
    assertThat(byLe(batch))
        .containsExactly(
            Map.entry("-2", 3.0), Map.entry("0", 4.0), Map.entry("2", 6.0), Map.entry("4", 7.0), Map.entry("+Inf", 7.0));
  }

  @Test
  void addsUpDeltaExponentialHistogramsAtTheCoarserScale() {
    OtlpMetrics metrics = new OtlpMetrics();
    metrics.toBatch(1, request(exponential(T0, 1, 4, 1L, 1L)));
    // Scale 1 buckets 4 and 5 are (4, 4√2] and (4√2, 8]: both fall in scale 0 bucket 2, (4, 8].
    MetricBatch batch = metrics.toBatch(1, request(exponential(T0 + SECOND, 0, 2, 5L)));

    assertThat(byLe(batch)).containsExactly(Map.entry("0", 0.0), Map.entry("8", 7.0), Map.entry("+Inf", 7.0));
  }

  @Test
  void mapsSummariesToQuantileSumAndCountSeries() {
    Metric summary =
        Metric.newBuilder()
            .setName("rpc.duration")
            .setUnit("ms")
            .setSummary(
                Summary.newBuilder()
                    .addDataPoints(
                        SummaryDataPoint.newBuilder()
                            .setTimeUnixNano(T0)
                            .setCount(10)
                            .setSum(123.5)
                            .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.5).setValue(9))
                            .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.99).setValue(40))))
            .build();

    MetricBatch batch = new OtlpMetrics().toBatch(1, request(summary));

    Map<String, Double> byName = new LinkedHashMap<>();
    for (MetricSample sample : batch.samples()) {
      MetricSeries series = seriesOf(batch, sample);
      byName.put(series.metricName() + series.labels().getOrDefault("quantile", ""), sample.value());
      assertThat(series.type()).isEqualTo(MetricType.SUMMARY);
      assertThat(series.family()).isEqualTo("rpc_duration_milliseconds");
      assertThat(sample.timestampMillis()).isEqualTo(T0 / 1_000_000);
    }
    assertThat(byName)
        .containsOnly(
            Map.entry("rpc_duration_milliseconds0.5", 9.0),
            Map.entry("rpc_duration_milliseconds0.99", 40.0),
            Map.entry("rpc_duration_milliseconds_sum", 123.5),
            Map.entry("rpc_duration_milliseconds_count", 10.0));
  }

  @Test
  void buildsLabelsFromAttributesScopeAndResource() {
    NumberDataPoint point =
        NumberDataPoint.newBuilder()
            .setTimeUnixNano(T0)
            .setAsDouble(1)
            .addAttributes(kv("a.b", "dotted"))
            .addAttributes(kv("a_b", "underscored"))
            .addAttributes(kv("job", "overridden"))
            .addAttributes(kv("empty", ""))
            .addAttributes(kv("__name__", "clash"))
            .build();

    MetricBatch batch = new OtlpMetrics().toBatch(1, request(gauge("up", point, point)));

    assertThat(batch.series()).as("one series for two points of it").singleElement().satisfies(series ->
        assertThat(series.labels())
            .containsOnly(
                Map.entry("a_b", "dotted;underscored"),
                Map.entry("job", "api"),
                Map.entry("otel_scope_name", "lib"),
                Map.entry("otel_scope_version", "1.0")));
    assertThat(batch.samples()).hasSize(2);
    assertThat(batch.series()).extracting(MetricSeries::metricName).doesNotContain("target_info");
  }

  @Test
  void attributesAddedToTheResourceGoToTargetInfoAndLeaveEverySeriesIdentityAsItWas() {
    AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
    OtlpMetrics metrics = new OtlpMetrics();
    MetricBatch plain = metrics.toBatch(1, request(counter("jobs", delta, point(T0, 5, "queue", "a"))), Instant.EPOCH);

    MetricBatch enriched = metrics.toBatch(1, request(counter("jobs", delta, point(T0 + SECOND, 2, "queue", "a"))),
        Instant.EPOCH, resource -> {
          Map<String, String> more = new LinkedHashMap<>(resource);
          more.put("k8s.pod.name", "api-7d4b9c8f5-x2x2x");
          return more;
        });

    MetricSample before = plain.samples().get(0);
    MetricSample after = enriched.samples().stream().filter(s -> s.metricName().equals("jobs_total")).findFirst().orElseThrow();
    assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
    assertThat(after.value()).as("the delta total carries on in the same series").isEqualTo(7.0);
    assertThat(enriched.series()).filteredOn(s -> s.metricName().equals("target_info")).singleElement()
        .satisfies(info -> assertThat(info.labels())
            .containsEntry("k8s_pod_name", "api-7d4b9c8f5-x2x2x")
            .containsEntry("job", "api"));
  }

  @Test
  void skipsMetricsWithoutAValidNameAndUsesTheReceiveTimeForPointsWithout() {
    Instant received = Instant.parse("2026-03-01T00:00:00Z");
    NumberDataPoint untimed = NumberDataPoint.newBuilder().setAsInt(3).build();

    MetricBatch batch = new OtlpMetrics().toBatch(1, request(gauge("%%%", untimed), gauge("queue.depth", untimed)), received);

    assertThat(batch.samples()).singleElement().satisfies(sample -> {
      assertThat(sample.metricName()).isEqualTo("queue_depth");
      assertThat(sample.value()).isEqualTo(3.0);
      assertThat(sample.timestampMillis()).isEqualTo(received.toEpochMilli());
    });
  }

  private static Metric counter(String name, AggregationTemporality temporality, NumberDataPoint... points) {
    return Metric.newBuilder()
        .setName(name)
        .setSum(Sum.newBuilder().setIsMonotonic(true).setAggregationTemporality(temporality).addAllDataPoints(List.of(points)))
        .build();
  }

  private static Metric upDown(String name, AggregationTemporality temporality, NumberDataPoint... points) {
    return Metric.newBuilder()
        .setName(name)
        .setSum(Sum.newBuilder().setIsMonotonic(false).setAggregationTemporality(temporality).addAllDataPoints(List.of(points)))
        .build();
  }

  private static Metric gauge(String name, NumberDataPoint... points) {
    return Metric.newBuilder().setName(name).setGauge(Gauge.newBuilder().addAllDataPoints(List.of(points))).build();
  }

  private static Metric histogram(String name, AggregationTemporality temporality, HistogramDataPoint point) {
    return Metric.newBuilder()
        .setName(name)
        .setHistogram(Histogram.newBuilder().setAggregationTemporality(temporality).addDataPoints(point))
        .build();
  }

  private static Metric exponential(long time, int scale, int offset, Long... counts) {
    long count = List.of(counts).stream().mapToLong(Long::longValue).sum();
    return Metric.newBuilder()
        .setName("size")
        .setExponentialHistogram(
            ExponentialHistogram.newBuilder()
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                .addDataPoints(
                    ExponentialHistogramDataPoint.newBuilder()
                        .setTimeUnixNano(time)
                        .setScale(scale)
                        .setCount(count)
                        .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(offset).addAllBucketCounts(List.of(counts)))))
        .build();
  }

  private static HistogramDataPoint histogramPoint(long time, List<Double> bounds, List<Long> counts) {
    return HistogramDataPoint.newBuilder()
        .setTimeUnixNano(time)
        .addAllExplicitBounds(bounds)
        .addAllBucketCounts(counts)
        .setCount(counts.stream().mapToLong(Long::longValue).sum())
        .build();
  }

  private static NumberDataPoint point(long time, double value, String key, String label) {
    return NumberDataPoint.newBuilder().setTimeUnixNano(time).setAsDouble(value).addAttributes(kv(key, label)).build();
  }

  private static List<Double> values(MetricBatch batch) {
    return batch.samples().stream().map(MetricSample::value).toList();
  }

  /** le → value of the batch's bucket samples, in sample order. */
  private static Map<String, Double> byLe(MetricBatch batch) {
    Map<String, Double> buckets = new LinkedHashMap<>();
    for (MetricSample sample : batch.samples()) {
      MetricSeries series = seriesOf(batch, sample);
      if (series.metricName().endsWith("_bucket")) {
        buckets.put(series.labels().get("le"), sample.value());
      }
    }
    return buckets;
  }

  private static MetricSeries seriesOf(MetricBatch batch, MetricSample sample) {
    return batch.series().stream().filter(s -> s.fingerprint() == sample.fingerprint()).findFirst().orElseThrow();
  }
}
