package dev.vigil.otlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.domain.telemetry.Exemplar;
import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.fixtures.Fixtures;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Java SDK's real exports, every instrument kind, through the converter. */
class OtlpMetricsFixturesTest {

  private static final Map<String, String> IDENTITY =
      Map.of("job", "shop/checkout", "instance", "checkout-1", "otel_scope_name", "dev.vigil.fixtures.metrics");

  @Test
  void namesEverySeriesAsPrometheusWould() {
    MetricBatch batch = new OtlpMetrics().toBatch(7, Fixtures.metrics("cumulative", 1));

    assertThat(batch.series().stream().collect(Collectors.toMap(MetricSeries::metricName, MetricSeries::type, (a, b) -> a)))
        .containsOnly(
            entry("requests_total", MetricType.COUNTER),
            entry("http_server_active_requests", MetricType.GAUGE),
            entry("room_temperature_celsius", MetricType.GAUGE),
            entry("system_memory_utilization_ratio", MetricType.GAUGE),
            entry("http_server_request_duration_seconds_bucket", MetricType.HISTOGRAM),
            entry("http_server_request_duration_seconds_sum", MetricType.HISTOGRAM),
            entry("http_server_request_duration_seconds_count", MetricType.HISTOGRAM),
            entry("payload_size_bytes_bucket", MetricType.HISTOGRAM),
            entry("payload_size_bytes_sum", MetricType.HISTOGRAM),
            entry("payload_size_bytes_count", MetricType.HISTOGRAM),
            entry("target_info", MetricType.INFO));
    assertThat(batch.series()).allSatisfy(series -> assertThat(series.projectId()).isEqualTo(7));
    assertThat(series(batch, "requests_total")).singleElement().satisfies(s -> {
      assertThat(s.labels()).containsAllEntriesOf(IDENTITY).containsEntry("http_route", "/checkout").hasSize(4);
      assertThat(s.family()).isEqualTo("requests_total");
      assertThat(s.unit()).isEqualTo("{request}");
      assertThat(s.help()).isEqualTo("Requests served");
      assertThat(s.fingerprint()).isEqualTo(Fingerprints.of(s.metricName(), s.labels()));
    });
    assertThat(series(batch, "http_server_request_duration_seconds_bucket"))
        .allSatisfy(s -> assertThat(s.family()).isEqualTo("http_server_request_duration_seconds"));
    assertThat(series(batch, "target_info")).singleElement().satisfies(s -> assertThat(s.labels())
        .containsEntry("job", "shop/checkout")
        .containsEntry("instance", "checkout-1")
        .containsEntry("deployment_environment_name", "test")
        .containsEntry("telemetry_sdk_language", "java")
        .doesNotContainKeys("service_name", "otel_scope_name"));
  }

  @Test
  void keepsValuesAndCumulativeBuckets() {
    MetricBatch batch = new OtlpMetrics().toBatch(7, Fixtures.metrics("cumulative", 1));

    assertThat(value(batch, "requests_total", Map.of())).isEqualTo(2.0);
    assertThat(value(batch, "http_server_active_requests", Map.of())).isEqualTo(3.0);
    assertThat(value(batch, "room_temperature_celsius", Map.of())).isEqualTo(21.5);
    assertThat(value(batch, "system_memory_utilization_ratio", Map.of())).isEqualTo(0.25);
    assertThat(value(batch, "target_info", Map.of())).isEqualTo(1.0);
    // Recorded 0.004, 0.3 and 12 seconds.
    assertThat(value(batch, "http_server_request_duration_seconds_count", Map.of())).isEqualTo(3.0);
    assertThat(value(batch, "http_server_request_duration_seconds_sum", Map.of())).isCloseTo(12.304, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(buckets(batch, "http_server_request_duration_seconds_bucket"))
        .containsExactly(
            entry("0.005", 1.0), entry("0.01", 1.0), entry("0.025", 1.0), entry("0.05", 1.0), entry("0.075", 1.0),
            entry("0.1", 1.0), entry("0.25", 1.0), entry("0.5", 2.0), entry("0.75", 2.0), entry("1", 2.0),
            entry("2.5", 2.0), entry("5", 2.0), entry("7.5", 2.0), entry("10", 2.0), entry("+Inf", 3.0));
  }

  @Test
  void turnsTheExponentialHistogramIntoClassicBucketsAtPowersOfItsBase() {
    MetricBatch batch = new OtlpMetrics().toBatch(7, Fixtures.metrics("cumulative", 2));

    // Recorded 100, 3, 200 and 3 bytes; the SDK settled on scale 1 (base √2) for 20 buckets.
    Map<String, Double> buckets = buckets(batch, "payload_size_bytes_bucket");
    assertThat(buckets).containsEntry("0", 0.0).containsEntry("+Inf", 4.0);
    assertThat(buckets).containsEntry("4", 2.0).containsEntry("128", 3.0).containsEntry("256", 4.0);
    assertThat(buckets).containsEntry("5.656854249492381", 2.0).containsEntry("90.50966799187809", 2.0);
    assertThat(buckets).doesNotContainKey("2.8284271247461903");
    assertThat(List.copyOf(buckets.values())).isSorted();
    assertThat(value(batch, "payload_size_bytes_sum", Map.of())).isEqualTo(306.0);
  }

  @Test
  void attachesExemplarsToTheBucketHoldingTheirValue() {
    MetricBatch batch = new OtlpMetrics().toBatch(7, Fixtures.metrics("cumulative", 1));

    List<Exemplar> duration =
        batch.exemplars().stream().filter(e -> e.metricName().equals("http_server_request_duration_seconds_bucket")).toList();
    assertThat(duration).extracting(Exemplar::value).containsExactlyInAnyOrder(0.004, 0.3, 12.0);
    for (Exemplar exemplar : duration) {
      MetricSeries bucket = batch.series().stream().filter(s -> s.fingerprint() == exemplar.fingerprint()).findFirst().orElseThrow();
      String expectedLe = exemplar.value() == 0.004 ? "0.005" : exemplar.value() == 0.3 ? "0.5" : "+Inf";
      assertThat(bucket.labels()).containsEntry("le", expectedLe);
      assertThat(exemplar.traceId()).matches("[0-9a-f]{32}");
      assertThat(exemplar.spanId()).matches("[0-9a-f]{16}");
      assertThat(exemplar.timestampMillis()).isPositive();
    }
    assertThat(batch.exemplars()).anySatisfy(e -> {
      assertThat(e.metricName()).isEqualTo("requests_total");
      assertThat(e.value()).isEqualTo(2.0);
    });
  }

  @Test
  void deltaExportsAddUpToTheCumulativeExport() {
    OtlpMetrics cumulative = new OtlpMetrics();
    cumulative.toBatch(7, Fixtures.metrics("cumulative", 1));
    MetricBatch expected = cumulative.toBatch(7, Fixtures.metrics("cumulative", 2));
    OtlpMetrics delta = new OtlpMetrics();
    delta.toBatch(7, Fixtures.metrics("delta", 1));
    MetricBatch actual = delta.toBatch(7, Fixtures.metrics("delta", 2));

    assertThat(valuesBySeries(actual)).isEqualTo(valuesBySeries(expected));
    assertThat(value(actual, "requests_total", Map.of())).isEqualTo(6.0);
    assertThat(delta.trackedSeries()).isEqualTo(3);
  }

  @Test
  void dropsAReplayedDeltaExport() {
    OtlpMetrics delta = new OtlpMetrics();
    delta.toBatch(7, Fixtures.metrics("delta", 1));
    delta.toBatch(7, Fixtures.metrics("delta", 2));

    MetricBatch replay = delta.toBatch(7, Fixtures.metrics("delta", 2));

    assertThat(replay.samples())
        .extracting(MetricSample::metricName)
        .doesNotContain("requests_total", "http_server_request_duration_seconds_count", "payload_size_bytes_count")
        .contains("room_temperature_celsius", "http_server_active_requests");
  }

  private static List<MetricSeries> series(MetricBatch batch, String name) {
    return batch.series().stream().filter(s -> s.metricName().equals(name)).toList();
  }

  /** The value of the one sample of {@code name} whose series has these labels (besides the usual ones). */
  private static double value(MetricBatch batch, String name, Map<String, String> labels) {
    List<MetricSample> samples =
        batch.samples().stream()
            .filter(s -> s.metricName().equals(name))
            .filter(s -> seriesOf(batch, s).labels().entrySet().containsAll(labels.entrySet()))
            .toList();
    assertThat(samples).as(name).hasSize(1);
    return samples.get(0).value();
  }

  /** le → value of a histogram's buckets, in ascending le order. */
  private static Map<String, Double> buckets(MetricBatch batch, String name) {
    return batch.samples().stream()
        .filter(s -> s.metricName().equals(name))
        .sorted(Comparator.comparingDouble(s -> Double.parseDouble(seriesOf(batch, s).labels().get("le").replace("+Inf", "Infinity"))))
        .collect(Collectors.toMap(s -> seriesOf(batch, s).labels().get("le"), MetricSample::value, (a, b) -> b, java.util.LinkedHashMap::new));
  }

  private static Map<String, Double> valuesBySeries(MetricBatch batch) {
    return batch.samples().stream()
        .filter(s -> !s.metricName().equals("target_info"))
        .collect(Collectors.toMap(s -> s.metricName() + seriesOf(batch, s).labels(), MetricSample::value));
  }

  private static MetricSeries seriesOf(MetricBatch batch, MetricSample sample) {
    return batch.series().stream().filter(s -> s.fingerprint() == sample.fingerprint()).findFirst().orElseThrow();
  }
}
