package dev.vigil.storage.clickhouse.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.PromqlException;
import dev.vigil.promql.engine.RawSeries;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.read.metrics.QueryResults.Row;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import dev.vigil.storage.clickhouse.write.InsertMetrics;
import dev.vigil.storage.prometheus.OpenMetricsText;
import dev.vigil.storage.prometheus.PrometheusServer;
import dev.vigil.storage.prometheus.StoredSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vigil's PromQL engine over ClickHouse side by side with real Prometheus (Debian's package, 2.42) on the
 * same samples ({@link SideBySideData}: two hours ending about 20 minutes ago), Prometheus's loaded with
 * {@code promtool tsdb create-blocks-from openmetrics}, Vigil's through its metric writer. Each query of
 * {@link SideBySideQueries} is evaluated as an instant query at five times (the emails queue's gap, just
 * after api-b's restart, a quiet moment, just after the last scrape, ten minutes later) and as a range query
 * at a 60 s step; both must give the same label sets and timestamps, values within a relative 1e-9
 * ({@link QueryResults}; Vigil's Kahan sums differ from 2.42's plain ones in the last bits), the same order
 * for {@code sort}, and where Prometheus fails, a failure of the same error type.
 *
 * <p>Vigil follows Prometheus 3's semantics, which differ from 2.42's by design in two places the data and
 * times avoid: windows are left-open (no sample sits on a window's start, see {@link SideBySideData}), and
 * {@code rate}'s extrapolation at a series's first sample caps the extrapolation before the zero-point
 * clamp (prometheus/prometheus#13725, in 2.51), so no window reaches before the data's first scrape (hence
 * nothing before minute 36). Functions newer than 2.42 ({@code limitk}, {@code sort_by_label}, ...),
 * {@code holt_winters} (renamed in 3) and reading {@code __name__} after a function (kept until the end of
 * the query in 3) are left out.
 */
class PrometheusSideBySideTest {

  private static final long START =
      Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(140, ChronoUnit.MINUTES).toEpochMilli();
  private static final long[] INSTANT_TIMES = {at(43), at(52), at(95), at(121), at(130)};
  private static final long RANGE_START = at(36);
  private static final long RANGE_END = at(125);
  private static final long RANGE_STEP = 60_000;

  @TempDir static Path dir;
  private static ClickHouseStorage storage;
  private static PrometheusServer prometheus;
  private static Engine vigil;
  private static List<RawSeries> data;

  @BeforeAll
  static void load() throws Exception {
    PrometheusServer.requireInstalled();
    data = SideBySideData.generate(START);
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    long project = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
    StoredSeries.write(new InsertMetrics(storage), project, data);
    EngineOptions options = EngineOptions.defaults();
    vigil = new Engine(new ClickHouseSeriesSource(storage, project, options), options);
    Path samples = dir.resolve("samples.om.txt");
    OpenMetricsText.write(data, samples);
    prometheus = PrometheusServer.start(Files.createDirectories(dir.resolve("prometheus")), samples, List.of(), "1m");
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (storage != null) {
      TestDatabases.drop(storage);
      storage.close();
    }
  }

  /** A minute of the data plus 7 s: between scrapes (3 s plus jitter of up to 1.75 s past each 15 s). */
  private static long at(int minutes) {
    return START + minutes * 60_000L + 7_000;
  }

  static Stream<String> queries() {
    return SideBySideQueries.ALL.stream().map(q -> q.replace("@AT", "@ " + PrometheusServer.seconds(at(30))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answersAsPrometheusDoes(String query) {
    Tally tally = new Tally();
    boolean ordered = query.startsWith("sort");
    for (long t : INSTANT_TIMES) {
      compare("instant at " + t, () -> QueryResults.fromPrometheus(prometheus.query(query, t), t),
          () -> QueryResults.fromVigil(vigil.instantQuery(query, t), t), ordered, tally);
    }
    if (!query.endsWith("]")) { // a range vector cannot be a range query's result
      compare("range", () -> QueryResults.fromPrometheus(prometheus.queryRange(query, RANGE_START, RANGE_END, RANGE_STEP), 0),
          () -> QueryResults.fromVigil(vigil.rangeQuery(query, RANGE_START, RANGE_END, RANGE_STEP), 0), false, tally);
    }
    assertThat(tally.differences).as("%s: Vigil differs from Prometheus", query).isEmpty();
    if (SideBySideQueries.FAILING.contains(query)) {
      assertThat(tally.failures).as("%s: fails in both", query).isPositive();
    } else {
      assertThat(tally.points).as("%s: answers something (else the comparison proves nothing)", query).isPositive();
    }
  }

  @Test
  void bothHoldEverySampleAsWritten() {
    long t = at(130);
    String everything = "{__name__=~\".+\"}[3h]";
    List<Row> expected = QueryResults.fromPrometheus(prometheus.query(everything, t), t);
    List<Row> actual = QueryResults.fromVigil(vigil.instantQuery(everything, t), t);
    assertThat(QueryResults.differences(expected, actual, false)).isEmpty();
    assertThat(expected.stream().mapToLong(r -> r.times().length).sum())
        .isEqualTo(data.stream().mapToLong(RawSeries::size).sum());
  }

  /** What one query's evaluations found: differences, points compared, evaluations that failed in both. */
  private static final class Tally {
    final List<String> differences = new ArrayList<>();
    int points;
    int failures;
  }

  /** Compares one evaluation; an error answer must be matched by an error of the same type. */
  private static void compare(String what, Supplier<List<Row>> prometheusAnswer, Supplier<List<Row>> vigilAnswer,
      boolean ordered, Tally tally) {
    List<Row> expected;
    try {
      expected = prometheusAnswer.get();
    } catch (PrometheusServer.ApiError e) {
      try {
        int series = vigilAnswer.get().size();
        tally.differences.add(what + ": Prometheus failed (" + e.getMessage() + "), Vigil answered " + series + " series");
      } catch (PromqlException v) {
        if (v.errorType().equals(e.errorType())) {
          tally.failures++;
        } else {
          tally.differences.add(
              what + ": Prometheus failed (" + e.getMessage() + "), Vigil with " + v.errorType() + ": " + v.getMessage());
        }
      }
      return;
    }
    try {
      List<Row> actual = vigilAnswer.get();
      QueryResults.differences(expected, actual, ordered).forEach(d -> tally.differences.add(what + ": " + d));
      tally.points += expected.stream().mapToInt(r -> r.times().length).sum();
    } catch (RuntimeException e) {
      tally.differences.add(what + ": Vigil failed: " + e);
    }
  }
}
