package dev.vigil.storage.clickhouse.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.ast.MatchType;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metric catalogue over series rows inserted with plain SQL (today, 20 days ago, another project). */
class MetricReadsTest {

  private static final long PROJECT = 21;
  private static final Instant NOW = Instant.now();
  private static ClickHouseStorage storage;
  private static MetricReads reads;

  @BeforeAll
  static void seed() throws Exception {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    reads = new MetricReads(storage);
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute(
          storage.qualify(
              "INSERT INTO ${database}.metric_series (project_id, date, metric_name, fingerprint, labels, family, metric_type, unit, help) VALUES"
                  + " (21, today(), 'http_server_duration_seconds_bucket', 1, map('service_name', 'checkout', 'le', '0.1'), 'http_server_duration_seconds', 'histogram', 'seconds', 'Duration of HTTP server requests.'),"
                  + " (21, today(), 'http_server_duration_seconds_bucket', 2, map('service_name', 'payments', 'le', '0.1'), 'http_server_duration_seconds', 'histogram', 'seconds', 'Duration of HTTP server requests.'),"
                  + " (21, today(), 'http_server_duration_seconds_count', 3, map('service_name', 'checkout'), 'http_server_duration_seconds', 'histogram', 'seconds', 'Duration of HTTP server requests.'),"
                  + " (21, today(), 'process_cpu_seconds_total', 4, map('service_name', 'checkout', 'host', 'web-1'), 'process_cpu_seconds', 'counter', 'seconds', 'CPU time.'),"
                  + " (21, today() - 20, 'old_metric', 5, map('gone', 'yes'), 'old_metric', 'gauge', '', ''),"
                  + " (22, today(), 'secret_metric', 6, map('tenant', 'other'), 'secret_metric', 'gauge', '', '')"));
    }
  }

  @AfterAll
  static void drop() throws Exception {
    TestDatabases.drop(storage);
  }

  @Test
  void listsSeriesNamesOfTheRangeWithMetadata() {
    assertThat(reads.names(PROJECT, NOW.minus(1, ChronoUnit.DAYS), NOW, null, 100))
        .extracting(MetricName::name)
        .containsExactly("http_server_duration_seconds_bucket", "http_server_duration_seconds_count", "process_cpu_seconds_total");
    MetricName bucket = reads.names(PROJECT, NOW.minus(1, ChronoUnit.DAYS), NOW, "DURATION_SECONDS_B", 100).get(0);
    assertThat(bucket).isEqualTo(
        new MetricName("http_server_duration_seconds_bucket", "http_server_duration_seconds", "histogram", "seconds", "Duration of HTTP server requests."));
    assertThat(reads.names(PROJECT, NOW.minus(25, ChronoUnit.DAYS), NOW, "old", 100)).extracting(MetricName::name).containsExactly("old_metric");
    assertThat(reads.names(PROJECT, NOW.minus(1, ChronoUnit.DAYS), NOW, null, 1)).hasSize(1);
    assertThat(reads.names(22, NOW.minus(1, ChronoUnit.DAYS), NOW, null, 100)).extracting(MetricName::name).containsExactly("secret_metric");
  }

  @Test
  void listsLabelNamesAndValuesPerMetricOrFamily() {
    Instant from = NOW.minus(1, ChronoUnit.DAYS);
    assertThat(reads.labelNames(PROJECT, null, from, NOW, 100)).containsExactly("host", "le", "service_name");
    assertThat(reads.labelNames(PROJECT, "http_server_duration_seconds", from, NOW, 100)).containsExactly("le", "service_name");
    assertThat(reads.labelNames(PROJECT, "http_server_duration_seconds_count", from, NOW, 100)).containsExactly("service_name");
    assertThat(reads.labelValues(PROJECT, null, "service_name", from, NOW, 100)).containsExactly("checkout", "payments");
    assertThat(reads.labelValues(PROJECT, "process_cpu_seconds_total", "service_name", from, NOW, 100)).containsExactly("checkout");
    assertThat(reads.labelValues(PROJECT, null, "tenant", from, NOW, 100)).isEmpty();
    assertThat(reads.labelValues(PROJECT, "http_server_duration_seconds", "__name__", from, NOW, 100))
        .containsExactly("http_server_duration_seconds_bucket", "http_server_duration_seconds_count");
  }

  private static LabelMatcher m(String label, MatchType op, String value) {
    return LabelMatcher.of(label, op, value);
  }

  @Test
  void selectsSeriesByMatchersWithPrometheusSemantics() {
    Instant from = NOW.minus(1, ChronoUnit.DAYS);
    List<LabelMatcher> checkoutBuckets =
        List.of(m("__name__", MatchType.EQUAL, "http_server_duration_seconds_bucket"), m("service_name", MatchType.EQUAL, "checkout"));
    assertThat(reads.series(PROJECT, List.of(checkoutBuckets), from, NOW, 100))
        .containsExactly(Map.of("__name__", "http_server_duration_seconds_bucket", "service_name", "checkout", "le", "0.1"));
    // Anchored: "check" alone does not match "checkout"; a missing label matches as "".
    assertThat(reads.series(PROJECT, List.of(List.of(m("service_name", MatchType.REGEX, "check"))), from, NOW, 100)).isEmpty();
    assertThat(reads.series(PROJECT, List.of(List.of(m("__name__", MatchType.REGEX, "http_.+"), m("le", MatchType.EQUAL, ""))), from, NOW, 100))
        .extracting(s -> s.get("__name__"))
        .containsExactly("http_server_duration_seconds_count");
    assertThat(reads.series(PROJECT, List.of(List.of(m("service_name", MatchType.NOT_REGEX, "check.*|pay.*"))), from, NOW, 100)).isEmpty();
    // Selectors are alternatives.
    List<List<LabelMatcher>> either =
        List.of(List.of(m("host", MatchType.EQUAL, "web-1")), List.of(m("service_name", MatchType.EQUAL, "payments")));
    assertThat(reads.series(PROJECT, either, from, NOW, 100))
        .extracting(s -> s.get("__name__"))
        .containsExactly("http_server_duration_seconds_bucket", "process_cpu_seconds_total");
    assertThat(reads.series(PROJECT, either, from, NOW, 1)).hasSize(1);
    assertThat(reads.series(22, either, from, NOW, 100)).isEmpty();
  }

  @Test
  void listsLabelNamesAndValuesOfSelectedSeries() {
    Instant from = NOW.minus(1, ChronoUnit.DAYS);
    List<List<LabelMatcher>> cpu = List.of(List.of(m("__name__", MatchType.EQUAL, "process_cpu_seconds_total")));
    assertThat(reads.labelNamesMatching(PROJECT, cpu, from, NOW, 100)).containsExactly("host", "service_name");
    assertThat(reads.labelNamesMatching(PROJECT, List.of(), from, NOW, 100)).containsExactly("host", "le", "service_name");
    List<List<LabelMatcher>> buckets = List.of(List.of(m("le", MatchType.NOT_EQUAL, "")));
    assertThat(reads.labelValuesMatching(PROJECT, "service_name", buckets, from, NOW, 100)).containsExactly("checkout", "payments");
    assertThat(reads.labelValuesMatching(PROJECT, "__name__", buckets, from, NOW, 100)).containsExactly("http_server_duration_seconds_bucket");
    assertThat(reads.labelValuesMatching(PROJECT, "host", cpu, from, NOW, 100)).containsExactly("web-1");
  }
}
