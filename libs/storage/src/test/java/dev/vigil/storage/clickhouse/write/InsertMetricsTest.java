package dev.vigil.storage.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.Exemplar;
import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InsertMetricsTest {

  // Recent, because the tables' 30-day TTL may drop older rows as they are written.
  private static final Instant YESTERDAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
  private static final long Y = YESTERDAY.toEpochMilli();

  private static ClickHouseStorage storage;
  private static InsertMetrics writer;

  @BeforeAll
  static void migrate() {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    writer = new InsertMetrics(storage);
  }

  @AfterAll
  static void drop() throws Exception {
    TestDatabases.drop(storage);
    storage.close();
  }

  @Test
  void storesAHistogramAsBucketSumAndCountSeriesWithSamplesAndExemplars() throws Exception {
    long project = 4001;
    Map<String, String> labels = Map.of("service_name", "checkout", "http_route", "/cart");
    List<MetricSeries> series = new ArrayList<>();
    List<MetricSample> samples = new ArrayList<>();
    String family = "http_server_request_duration_seconds";
    long fp = 1;
    for (String le : List.of("0.1", "1", "+Inf")) {
      series.add(new MetricSeries(project, family + "_bucket", fp, with(labels, "le", le), family, MetricType.HISTOGRAM,
          "seconds", "Duration of HTTP server requests."));
      samples.add(new MetricSample(project, family + "_bucket", fp, Y + 15_000, fp * 10));
      fp++;
    }
    series.add(new MetricSeries(project, family + "_sum", fp, labels, family, MetricType.HISTOGRAM, "seconds", ""));
    samples.add(new MetricSample(project, family + "_sum", fp, Y + 15_000, 2.5));
    series.add(new MetricSeries(project, family + "_count", ++fp, labels, family, MetricType.HISTOGRAM, "seconds", ""));
    samples.add(new MetricSample(project, family + "_count", fp, Y + 15_000, 30));
    Exemplar exemplar =
        new Exemplar(project, family + "_bucket", 2, Y + 14_999, 0.42, "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7", Map.of("user", "42"));

    writer.insert(new MetricBatch(series, samples, List.of(exemplar)), "metrics-histogram");

    assertThat(Rows.query(storage,
            "SELECT metric_name, fingerprint, labels['le'], length(labels), family, metric_type, unit, help,"
                + " toString(date) FROM ${database}.metric_series WHERE project_id = " + project
                + " ORDER BY fingerprint"))
        .containsExactly(
            row(family + "_bucket", "1", "0.1", "3", family, "histogram", "seconds", "Duration of HTTP server requests.", day(Y)),
            row(family + "_bucket", "2", "1", "3", family, "histogram", "seconds", "Duration of HTTP server requests.", day(Y)),
            row(family + "_bucket", "3", "+Inf", "3", family, "histogram", "seconds", "Duration of HTTP server requests.", day(Y)),
            row(family + "_sum", "4", "", "2", family, "histogram", "seconds", "", day(Y)),
            row(family + "_count", "5", "", "2", family, "histogram", "seconds", "", day(Y)));
    assertThat(Rows.query(storage,
            "SELECT metric_name, fingerprint, timestamp_ms, toString(value) FROM ${database}.metric_samples"
                + " WHERE project_id = " + project + " ORDER BY fingerprint"))
        .containsExactly(
            row(family + "_bucket", "1", String.valueOf(Y + 15_000), "10"),
            row(family + "_bucket", "2", String.valueOf(Y + 15_000), "20"),
            row(family + "_bucket", "3", String.valueOf(Y + 15_000), "30"),
            row(family + "_sum", "4", String.valueOf(Y + 15_000), "2.5"),
            row(family + "_count", "5", String.valueOf(Y + 15_000), "30"));
    assertThat(Rows.query(storage,
            "SELECT metric_name, fingerprint, timestamp_ms, toString(value), trace_id, span_id, labels['user']"
                + " FROM ${database}.metric_exemplars WHERE project_id = " + project))
        .containsExactly(row(family + "_bucket", "2", String.valueOf(Y + 14_999), "0.42",
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "42"));
  }

  @Test
  void storesGaugeCounterAndSummarySeriesWithTheirTypes() throws Exception {
    long project = 4002;
    MetricBatch batch =
        new MetricBatch(
            List.of(
                new MetricSeries(project, "process_memory_usage_bytes", 11, Map.of(), "process_memory_usage_bytes",
                    MetricType.GAUGE, "bytes", "Memory in use."),
                new MetricSeries(project, "http_requests_total", 12, Map.of("code", "200"), "http_requests",
                    MetricType.COUNTER, "", ""),
                new MetricSeries(project, "rpc_latency", 13, Map.of("quantile", "0.99"), "rpc_latency",
                    MetricType.SUMMARY, "", "")),
            List.of(
                new MetricSample(project, "process_memory_usage_bytes", 11, Y + 1, 1.5e9),
                new MetricSample(project, "http_requests_total", 12, Y + 1, 7),
                new MetricSample(project, "rpc_latency", 13, Y + 1, 0.25)),
            List.of());

    writer.insert(batch, "metrics-shapes");

    assertThat(Rows.query(storage,
            "SELECT s.metric_name, s.metric_type, toString(v.value) FROM ${database}.metric_series s"
                + " JOIN ${database}.metric_samples v ON s.project_id = v.project_id AND s.fingerprint = v.fingerprint"
                + " WHERE s.project_id = " + project + " ORDER BY s.fingerprint"))
        .containsExactly(
            row("process_memory_usage_bytes", "gauge", "1500000000"),
            row("http_requests_total", "counter", "7"),
            row("rpc_latency", "summary", "0.25"));
  }

  @Test
  void cataloguesASeriesOncePerUtcDayOfItsSamplesAndUnderTodayWithoutSamples() throws Exception {
    long project = 4003;
    Instant now = Instant.parse("2030-01-02T10:00:00Z");
    InsertMetrics clocked = new InsertMetrics(storage, Clock.fixed(now, ZoneOffset.UTC));
    MetricSeries sampled = new MetricSeries(project, "up", 21, Map.of(), "up", MetricType.GAUGE, "", "");
    MetricSeries silent = new MetricSeries(project, "up", 22, Map.of("job", "idle"), "up", MetricType.GAUGE, "", "");
    MetricBatch batch =
        new MetricBatch(
            List.of(sampled, silent),
            List.of(
                new MetricSample(project, "up", 21, Y - 1, 1),
                new MetricSample(project, "up", 21, Y, 1),
                new MetricSample(project, "up", 21, Y + 1, 1)),
            List.of());

    assertThat(clocked.seriesDays(batch))
        .extracting(d -> d.series().fingerprint() + "@" + d.date())
        .containsExactly("21@" + day(Y - 1), "21@" + day(Y), "22@2030-01-02");
  }

  @Test
  void keepsTheExactBitsOfNaNSamplesSoStalenessMarkersSurvive() throws Exception {
    long project = 4004;
    double stale = Double.longBitsToDouble(MetricSample.STALE_NAN_BITS);
    MetricBatch batch =
        new MetricBatch(
            List.of(new MetricSeries(project, "up", 31, Map.of(), "up", MetricType.GAUGE, "", "")),
            List.of(
                new MetricSample(project, "up", 31, Y + 1, stale),
                new MetricSample(project, "up", 31, Y + 2, Double.NaN),
                new MetricSample(project, "up", 31, Y + 3, Double.POSITIVE_INFINITY)),
            List.of());

    writer.insert(batch, "metrics-nan");

    assertThat(Rows.query(storage,
            "SELECT hex(reinterpretAsUInt64(value)) FROM ${database}.metric_samples WHERE project_id = " + project
                + " ORDER BY timestamp_ms"))
        .containsExactly(row("7FF0000000000002"), row("7FF8000000000000"), row("7FF0000000000000"));
  }

  @Test
  void storesFingerprintsAboveLongMaxValueAsUnsigned() throws Exception {
    long project = 4005;
    MetricBatch batch =
        new MetricBatch(
            List.of(new MetricSeries(project, "up", -1L, Map.of(), "up", MetricType.GAUGE, "", "")),
            List.of(new MetricSample(project, "up", -1L, Y, 1)),
            List.of());

    writer.insert(batch, "metrics-unsigned");

    assertThat(Rows.query(storage,
            "SELECT s.fingerprint FROM ${database}.metric_series s JOIN ${database}.metric_samples v"
                + " ON s.fingerprint = v.fingerprint WHERE s.project_id = " + project + " AND v.project_id = " + project))
        .containsExactly(row("18446744073709551615"));
  }

  @Test
  void aBatchReplayedWithTheSameTokenIsStoredOnceInEveryTable() throws Exception {
    long project = 4006;
    List<MetricSeries> series = new ArrayList<>();
    List<MetricSample> samples = new ArrayList<>();
    List<Exemplar> exemplars = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      series.add(new MetricSeries(project, "m", 100 + i, Map.of("i", "" + i), "m", MetricType.GAUGE, "", ""));
      // Two days, so each insert is split into two partitions (two blocks) and both must be deduplicated.
      long ts = Y - (i % 2) * 86_400_000L + i;
      samples.add(new MetricSample(project, "m", 100 + i, ts, i));
      exemplars.add(new Exemplar(project, "m", 100 + i, ts, i, "t" + i, "s" + i, Map.of()));
    }
    MetricBatch batch = new MetricBatch(series, samples, exemplars);

    writer.insert(batch, "vigil.otlp.metrics-2:5-9");
    writer.insert(batch, "vigil.otlp.metrics-2:5-9");

    // No FINAL: the rows must not have been written twice, not merely collapsed later.
    assertThat(Rows.query(storage,
            "SELECT (SELECT count() FROM ${database}.metric_series WHERE project_id = " + project + "),"
                + " (SELECT count() FROM ${database}.metric_samples WHERE project_id = " + project + "),"
                + " (SELECT count() FROM ${database}.metric_exemplars WHERE project_id = " + project + ")"))
        .containsExactly(row("20", "20", "20"));
  }

  @Test
  void theSameSampleInTwoBatchesCollapsesOnMerge() throws Exception {
    long project = 4007;
    MetricBatch batch =
        new MetricBatch(
            List.of(new MetricSeries(project, "up", 41, Map.of(), "up", MetricType.GAUGE, "", "")),
            List.of(new MetricSample(project, "up", 41, Y + 5, 1)),
            List.of());

    writer.insert(batch, "metrics-a");
    writer.insert(batch, "metrics-b");
    assertThat(Rows.query(storage, "SELECT count() FROM ${database}.metric_samples WHERE project_id = " + project))
        .containsExactly(row("2"));
    Rows.execute(storage, "OPTIMIZE TABLE ${database}.metric_samples FINAL");
    Rows.execute(storage, "OPTIMIZE TABLE ${database}.metric_series FINAL");

    assertThat(Rows.query(storage,
            "SELECT (SELECT count() FROM ${database}.metric_samples WHERE project_id = " + project + "),"
                + " (SELECT count() FROM ${database}.metric_series WHERE project_id = " + project + ")"))
        .containsExactly(row("1", "1"));
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> copy = new java.util.HashMap<>(labels);
    copy.put(key, value);
    return copy;
  }

  private static String day(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
  }

  private static List<String> row(String... values) {
    return List.of(values);
  }
}
