package dev.vigil.promql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.ast.MatchType;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.QueryLimitException;
import dev.vigil.promql.engine.RawSeries;
import dev.vigil.promql.engine.SeriesSource;
import dev.vigil.promql.engine.StaleMarkers;
import dev.vigil.promql.engine.Vector;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link SeriesSource} must do, written once and run against each implementation (the
 * in-memory one here, the ClickHouse one in libs/storage): matchers of each kind with Prometheus's
 * anchoring and absent-label rules, {@code __name__}, the inclusive {@code [minTime, maxTime]} window,
 * exact values and staleness markers, limits as a query sees them, and project isolation.
 *
 * <p>The fixture's samples run every 15 s for two hours from 23:00 UTC yesterday, so they are recent
 * (stores may expire old data) and cross a UTC day boundary (stores may partition by day).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SeriesSourceContract {

  protected static final long PROJECT = 1;
  protected static final long OTHER_PROJECT = 2;
  protected static final long STEP = 15_000;
  protected static final int POINTS = 481;
  /** 23:00 UTC yesterday. */
  protected static final long T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS).toEpochMilli();

  /** Stores the series (samples in time order) of a project; called once, before the tests. */
  protected abstract void store(long projectId, List<RawSeries> series);

  /** The source reading one project's series; {@code options} carries the query limits. */
  protected abstract SeriesSource source(long projectId, EngineOptions options);

  @BeforeAll
  void storeFixture() {
    List<RawSeries> own = new ArrayList<>();
    own.add(series(Labels.of("__name__", "http_requests_total", "job", "api", "instance", "s1"), 1));
    own.add(series(Labels.of("__name__", "http_requests_total", "job", "api-2", "instance", "s2"), 2));
    own.add(series(Labels.of("__name__", "http_requests_total", "job", "db", "instance", "s3"), 3));
    own.add(series(Labels.of("__name__", "http_requests_total", "instance", "s4"), 4));
    long[] upTimes = {T0, T0 + STEP, T0 + 2 * STEP};
    own.add(new RawSeries(
        Labels.of("__name__", "up", "job", "api", "instance", "s5", "msg", "a\nb"),
        upTimes,
        new double[] {1, 0, StaleMarkers.STALE_NAN}));
    own.add(series(Labels.of("__name__", "process_cpu_seconds_total", "job", "api", "instance", "s6"), 0.5));
    store(PROJECT, own);
    store(OTHER_PROJECT, List.of(series(Labels.of("__name__", "http_requests_total", "job", "api", "instance", "s1"), 1000)));
  }

  /** POINTS samples from T0, every STEP; the i-th is {@code i * slope}. */
  private static RawSeries series(Labels labels, double slope) {
    long[] ts = LongStream.range(0, POINTS).map(i -> T0 + i * STEP).toArray();
    double[] vs = LongStream.range(0, POINTS).mapToDouble(i -> i * slope).toArray();
    return new RawSeries(labels, ts, vs);
  }

  @Test
  void equalityMatchersSelectExactValues() {
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.EQUAL, "api")))).containsExactlyInAnyOrder("s1");
    assertThat(instances(select(m("job", MatchType.EQUAL, "api")))).containsExactlyInAnyOrder("s1", "s5", "s6");
  }

  @Test
  void notEqualAlsoSelectsSeriesWithoutTheLabel() {
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.NOT_EQUAL, "api"))))
        .containsExactlyInAnyOrder("s2", "s3", "s4");
  }

  @Test
  void regularExpressionsAreAnchoredAtBothEnds() {
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.REGEX, "api")))).containsExactlyInAnyOrder("s1");
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.REGEX, "api.*")))).containsExactlyInAnyOrder("s1", "s2");
    // Anchoring wraps the whole alternation: "^api|db$" would also take "api-2".
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.REGEX, "api|db")))).containsExactlyInAnyOrder("s1", "s3");
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.REGEX, "p")))).isEmpty();
  }

  @Test
  void negativeRegularExpressionsAreAnchoredAndKeepSeriesWithoutTheLabel() {
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.NOT_REGEX, "api"))))
        .containsExactlyInAnyOrder("s2", "s3", "s4");
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.NOT_REGEX, "api.*"))))
        .containsExactlyInAnyOrder("s3", "s4");
  }

  @Test
  void aRegularExpressionThatMatchesEmptySelectsSeriesWithoutTheLabel() {
    assertThat(instances(select(name("http_requests_total"), m("job", MatchType.REGEX, "|db")))).containsExactlyInAnyOrder("s3", "s4");
  }

  @Test
  void dotMatchesNewlinesAsInPrometheus() {
    assertThat(instances(select(m("msg", MatchType.REGEX, "a.b")))).containsExactly("s5");
  }

  @Test
  void metricNameTakesEveryMatcherKind() {
    assertThat(instances(select(m("__name__", MatchType.REGEX, "http_.*")))).containsExactlyInAnyOrder("s1", "s2", "s3", "s4");
    assertThat(instances(select(m("__name__", MatchType.NOT_EQUAL, "http_requests_total"), m("job", MatchType.EQUAL, "api"))))
        .containsExactlyInAnyOrder("s5", "s6");
    assertThat(instances(select(m("__name__", MatchType.REGEX, ".*_total"), m("job", MatchType.EQUAL, "api"))))
        .containsExactlyInAnyOrder("s1", "s6");
    assertThat(instances(select(m("__name__", MatchType.NOT_REGEX, "up|http.*"), m("job", MatchType.EQUAL, "api"))))
        .containsExactly("s6");
    assertThat(select(name("no_such_metric"))).isEmpty();
  }

  @Test
  void returnsLabelsWithTheMetricName() {
    List<RawSeries> found = select(name("up"));
    assertThat(found).singleElement().extracting(RawSeries::labels)
        .isEqualTo(Labels.of("__name__", "up", "job", "api", "instance", "s5", "msg", "a\nb"));
  }

  @Test
  void windowIncludesBothEnds() {
    RawSeries s1 = only(source(PROJECT).select(s1Matchers(), T0 + STEP, T0 + 4 * STEP));
    assertThat(s1.timestamps()).containsExactly(T0 + STEP, T0 + 2 * STEP, T0 + 3 * STEP, T0 + 4 * STEP);
    assertThat(s1.values()).containsExactly(1, 2, 3, 4);
    RawSeries inside = only(source(PROJECT).select(s1Matchers(), T0 + STEP + 1, T0 + 4 * STEP - 1));
    assertThat(inside.timestamps()).containsExactly(T0 + 2 * STEP, T0 + 3 * STEP);
  }

  @Test
  void readsEverySampleInTimeOrderAcrossDays() {
    RawSeries s1 = only(source(PROJECT).select(s1Matchers(), T0 - 3_600_000, T0 + POINTS * STEP));
    assertThat(s1.size()).isEqualTo(POINTS);
    for (int i = 0; i < POINTS; i++) {
      assertThat(s1.timestamps()[i]).isEqualTo(T0 + i * STEP);
      assertThat(s1.values()[i]).isEqualTo(i);
    }
    RawSeries today = only(source(PROJECT).select(s1Matchers(), T0 + 90 * 60_000, T0 + 120 * 60_000));
    assertThat(today.timestamps()).hasSize(121).startsWith(T0 + 90 * 60_000).endsWith(T0 + 120 * 60_000);
  }

  @Test
  void aWindowWithoutSamplesReturnsNoSamples() {
    List<RawSeries> before = source(PROJECT).select(s1Matchers(), T0 - 7_200_000, T0 - 1);
    assertThat(before).allSatisfy(s -> assertThat(s.size()).isZero());
  }

  @Test
  void keepsStalenessMarkersAndExactValues() {
    RawSeries up = only(select(name("up")));
    assertThat(up.values()).hasSize(3);
    assertThat(up.values()[0]).isEqualTo(1);
    assertThat(up.values()[1]).isEqualTo(0);
    assertThat(StaleMarkers.isStale(up.values()[2])).as("staleness marker keeps its bits").isTrue();
    RawSeries cpu = only(source(PROJECT).select(List.of(name("process_cpu_seconds_total")), T0 + STEP, T0 + STEP));
    assertThat(cpu.values()).containsExactly(0.5);
  }

  @Test
  void seesOnlyItsOwnProject() {
    RawSeries other = only(source(OTHER_PROJECT).select(s1Matchers(), T0, T0 + STEP));
    assertThat(other.values()).containsExactly(0, 1000);
    assertThat(only(source(PROJECT).select(s1Matchers(), T0, T0 + STEP)).values()).containsExactly(0, 1);
    assertThat(source(99).select(List.of(name("http_requests_total")), T0, T0 + POINTS * STEP)).isEmpty();
  }

  @Test
  void aQueryOverTheSeriesLimitFailsWithAClearError() {
    long at = T0 + 60 * 60_000;
    assertThatThrownBy(() -> engine(3, 1_000_000).instantQuery("http_requests_total", at))
        .isInstanceOf(QueryLimitException.class)
        .hasMessageContaining("series");
    assertThat(((Vector) engine(4, 1_000_000).instantQuery("http_requests_total", at)).samples()).hasSize(4);
  }

  @Test
  void aQueryOverTheSampleLimitFailsWithAClearError() {
    long at = T0 + 60 * 60_000;
    String query = "count_over_time(http_requests_total{job=\"api\"}[10m])";
    assertThatThrownBy(() -> engine(100, 30).instantQuery(query, at))
        .isInstanceOf(QueryLimitException.class)
        .hasMessageContaining("samples");
    Vector ok = (Vector) engine(100, 1_000).instantQuery(query, at);
    assertThat(ok.samples()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(40));
  }

  protected Engine engine(int maxSeries, long maxSamples) {
    EngineOptions options = EngineOptions.defaults().withLimits(maxSeries, maxSamples);
    return new Engine(source(PROJECT, options), options);
  }

  protected SeriesSource source(long projectId) {
    return source(projectId, EngineOptions.defaults());
  }

  protected List<RawSeries> select(LabelMatcher... matchers) {
    return source(PROJECT).select(Arrays.asList(matchers), T0, T0 + POINTS * STEP);
  }

  protected static List<LabelMatcher> s1Matchers() {
    return List.of(name("http_requests_total"), m("instance", MatchType.EQUAL, "s1"));
  }

  protected static LabelMatcher name(String metric) {
    return m("__name__", MatchType.EQUAL, metric);
  }

  protected static LabelMatcher m(String label, MatchType type, String value) {
    return LabelMatcher.of(label, type, value);
  }

  protected static List<String> instances(List<RawSeries> series) {
    return series.stream().map(s -> s.labels().get("instance")).toList();
  }

  protected static RawSeries only(List<RawSeries> series) {
    assertThat(series).hasSize(1);
    return series.get(0);
  }
}
