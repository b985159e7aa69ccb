package dev.vigil.storage.clickhouse.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.metrics.Fingerprints;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.PromqlException;
import dev.vigil.promql.engine.QueryLimitException;
import dev.vigil.promql.engine.RawSeries;
import dev.vigil.promql.engine.SeriesSource;
import dev.vigil.promql.testkit.SeriesSourceContract;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import dev.vigil.storage.clickhouse.write.InsertMetrics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The SeriesSource contract over ClickHouse (a fresh database with the real migrations, data written
 * by the storage's metric writer), plus what only this source does: limits enforced while reading,
 * replayed samples read once, the deadline, windows beyond the Date range.
 */
class ClickHouseSeriesSourceTest extends SeriesSourceContract {

  private final ClickHouseStorage storage = TestDatabases.fresh();
  private final InsertMetrics writer = new InsertMetrics(storage);

  ClickHouseSeriesSourceTest() {
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
  }

  @AfterAll
  void drop() throws Exception {
    TestDatabases.drop(storage);
    storage.close();
  }

  @Override
  protected void store(long projectId, List<RawSeries> series) {
    writer.insert(batch(projectId, series), "t-" + UUID.randomUUID());
  }

  @Override
  protected SeriesSource source(long projectId, EngineOptions options) {
    return new ClickHouseSeriesSource(storage, projectId, options);
  }

  /** Series and samples as event-processor writes them: labels without __name__, fingerprint over both. */
  static MetricBatch batch(long projectId, List<RawSeries> series) {
    List<MetricSeries> catalogue = new ArrayList<>();
    List<MetricSample> samples = new ArrayList<>();
    for (RawSeries s : series) {
      String name = s.labels().metricName();
      Map<String, String> labels = s.labels().without(Labels.METRIC_NAME).toMap();
      long fp = Fingerprints.of(name, labels);
      catalogue.add(new MetricSeries(projectId, name, fp, labels, name, MetricType.GAUGE, "", ""));
      for (int i = 0; i < s.size(); i++) {
        samples.add(new MetricSample(projectId, name, fp, s.timestamps()[i], s.values()[i]));
      }
    }
    return new MetricBatch(catalogue, samples, List.of());
  }

  @Test
  void theCatalogueReadStopsOverTheSeriesLimit() {
    EngineOptions three = EngineOptions.defaults().withLimits(3, 1_000_000);
    assertThatThrownBy(() -> source(PROJECT, three).select(List.of(name("http_requests_total")), T0, T0 + STEP))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage("query selects more than 3 series (limit maxSeries)");
    EngineOptions four = EngineOptions.defaults().withLimits(4, 1_000_000);
    assertThat(source(PROJECT, four).select(List.of(name("http_requests_total")), T0, T0 + STEP)).hasSize(4);
  }

  @Test
  void theSampleStreamStopsOverTheSampleLimit() {
    long all = 4L * POINTS;
    EngineOptions under = EngineOptions.defaults().withLimits(100, all - 1);
    assertThatThrownBy(() -> source(PROJECT, under).select(List.of(name("http_requests_total")), T0, T0 + POINTS * STEP))
        .isInstanceOf(QueryLimitException.class)
        .hasMessageContaining("more than " + (all - 1));
    EngineOptions exact = EngineOptions.defaults().withLimits(100, all);
    assertThat(source(PROJECT, exact).select(List.of(name("http_requests_total")), T0, T0 + POINTS * STEP))
        .extracting(RawSeries::size)
        .containsOnly(POINTS);
  }

  @Test
  void aReplayedSampleIsReadOnce() throws Exception {
    long project = 3;
    RawSeries s = new RawSeries(Labels.of("__name__", "replayed", "job", "api"), new long[] {T0, T0 + STEP}, new double[] {1, 2});
    try (Connection c = storage.connection();
        Statement st = c.createStatement()) {
      // Keeps both copies until the read, as a replay that has not been merged away yet.
      st.execute(storage.qualify("SYSTEM STOP MERGES ${database}.metric_samples"));
      writer.insert(batch(project, List.of(s)), "first-" + UUID.randomUUID());
      writer.insert(batch(project, List.of(s)), "second-" + UUID.randomUUID());
      try (ResultSet rs = st.executeQuery(storage.qualify("SELECT count() FROM ${database}.metric_samples WHERE project_id = 3"))) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(4);
      }
      RawSeries read = only(source(project).select(List.of(name("replayed")), T0, T0 + STEP));
      assertThat(read.timestamps()).containsExactly(T0, T0 + STEP);
      assertThat(read.values()).containsExactly(1, 2);
    } finally {
      try (Connection c = storage.connection();
          Statement st = c.createStatement()) {
        st.execute(storage.qualify("SYSTEM START MERGES ${database}.metric_samples"));
      }
    }
  }

  @Test
  void readsPastTheDeadlineFailWithATimeout() {
    SeriesSource late = new ClickHouseSeriesSource(storage, PROJECT, EngineOptions.defaults(), Instant.now().minusMillis(1));
    assertThatThrownBy(() -> late.select(s1Matchers(), T0, T0 + STEP))
        .isInstanceOfSatisfying(PromqlException.class, e -> assertThat(e.errorType()).isEqualTo("timeout"));
    SeriesSource inTime = new ClickHouseSeriesSource(storage, PROJECT, EngineOptions.defaults(), Instant.now().plusSeconds(30));
    assertThat(only(inTime.select(s1Matchers(), T0, T0 + STEP)).values()).containsExactly(0, 1);
  }

  @Test
  void windowsBeyondTheDateRangeAreClamped() {
    assertThat(only(source(PROJECT).select(s1Matchers(), Long.MIN_VALUE / 2, Long.MAX_VALUE / 2)).size()).isEqualTo(POINTS);
    assertThat(source(PROJECT).select(s1Matchers(), Long.MIN_VALUE / 2, -1)).isEmpty();
  }
}
