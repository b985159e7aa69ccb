package dev.vigil.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {

  private static final long SEC = 1000;
  private final InMemorySeriesSource source = new InMemorySeriesSource();
  private final Engine engine = new Engine(source, EngineOptions.defaults());

  /** A counter scraped every 15 s that grows by 15 per scrape (1 per second). */
  private void counter(String job, int scrapes) {
    for (int i = 0; i < scrapes; i++) {
      source.add(Labels.of("__name__", "requests_total", "job", job), i * 15 * SEC, i * 15.0);
    }
  }

  private List<Sample> vector(String query, long at) {
    return ((Vector) engine.instantQuery(query, at)).samples();
  }

  @Test
  void rateExtrapolatesToTheWindowEdges() {
    counter("api", 41);
    List<Sample> rate = vector("rate(requests_total[1m])", 600 * SEC);
    assertThat(rate).singleElement().satisfies(s -> {
      assertThat(s.labels()).isEqualTo(Labels.of("job", "api"));
      assertThat(s.value()).isCloseTo(1.0, within(1e-9));
    });
    assertThat(vector("increase(requests_total[1m])", 600 * SEC).get(0).value()).isCloseTo(60.0, within(1e-9));
  }

  @Test
  void rateHandlesCounterResets() {
    long t = 0;
    for (double v : new double[] {10, 20, 30, 5, 15}) {
      source.add(Labels.of("__name__", "c"), t, v);
      t += 10 * SEC;
    }
    // 10 -> 30 (+20), reset to 5 (+5), -> 15 (+10): 35 over 40 s of samples.
    assertThat(vector("increase(c[50s])", 40 * SEC).get(0).value()).isCloseTo(35 * 50.0 / 40, within(1e-9));
  }

  @Test
  void instantSelectorLooksBackFiveMinutesButStopsAtStaleMarker() {
    source.add(Labels.of("__name__", "g"), 0, 1);
    assertThat(vector("g", 299 * SEC)).hasSize(1);
    assertThat(vector("g", 300 * SEC)).as("lookback window is left-open").isEmpty();
    source.add(Labels.of("__name__", "g"), 60 * SEC, StaleMarkers.STALE_NAN);
    assertThat(vector("g", 120 * SEC)).isEmpty();
    assertThat(vector("g", 30 * SEC)).hasSize(1);
  }

  @Test
  void offsetAndAtShiftTheEvaluationTime() {
    counter("api", 41);
    assertThat(vector("requests_total offset 1m", 600 * SEC).get(0).value()).isEqualTo(540.0);
    assertThat(vector("requests_total @ 100", 600 * SEC).get(0).value()).isEqualTo(90.0);
    assertThat(vector("requests_total @ 100 offset -30s", 600 * SEC).get(0).value()).isEqualTo(120.0);
  }

  @Test
  void rangeQueryReturnsOnePointPerStepSortedByLabels() {
    counter("web", 41);
    counter("api", 41);
    Matrix m = engine.rangeQuery("sum by (job) (rate(requests_total[1m]))", 120 * SEC, 240 * SEC, 60 * SEC);
    assertThat(m.series()).extracting(Series::labels)
        .containsExactly(Labels.of("job", "api"), Labels.of("job", "web"));
    assertThat(m.series().get(0).timestamps()).containsExactly(120 * SEC, 180 * SEC, 240 * SEC);
  }

  @Test
  void subqueryEvaluatesInnerExpressionAtAlignedSteps() {
    counter("api", 41);
    assertThat(vector("count_over_time(requests_total[5m:1m])", 600 * SEC).get(0).value()).isEqualTo(5.0);
    assertThat(vector("max_over_time(deriv(requests_total[1m])[5m:30s])", 600 * SEC).get(0).value())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void groupLeftCopiesLabelsFromTheOneSide() {
    source.add(Labels.of("__name__", "errors", "job", "api", "code", "500"), 0, 5);
    source.add(Labels.of("__name__", "errors", "job", "api", "code", "503"), 0, 7);
    source.add(Labels.of("__name__", "info", "job", "api", "team", "core"), 0, 1);
    List<Sample> out = vector("errors * on(job) group_left(team) info", 0);
    assertThat(out).extracting(Sample::labels).containsExactlyInAnyOrder(
        Labels.of("job", "api", "code", "500", "team", "core"),
        Labels.of("job", "api", "code", "503", "team", "core"));
    assertThatThrownBy(() -> engine.instantQuery("info * on(job) errors", 0))
        .isInstanceOf(PromqlException.class)
        .hasMessageContaining("found duplicate series for the match group {job=\"api\"} on the right hand-side");
  }

  @Test
  void histogramQuantileInterpolatesWithinClassicBuckets() {
    String[] le = {"0.1", "0.5", "1", "+Inf"};
    double[] counts = {50, 90, 100, 100};
    for (int i = 0; i < le.length; i++) {
      source.add(Labels.of("__name__", "latency_bucket", "le", le[i]), 0, counts[i]);
    }
    // rank 95 lies in (0.5, 1] holding 10 observations, halfway in.
    assertThat(vector("histogram_quantile(0.95, latency_bucket)", 0).get(0).value()).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void labelReplaceAndAbsent() {
    source.add(Labels.of("__name__", "up", "instance", "host-1:9100"), 0, 1);
    List<Sample> out = vector("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")", 0);
    assertThat(out.get(0).labels().get("host")).isEqualTo("host-1");
    assertThat(vector("absent(nope{job=\"x\"})", 0)).singleElement()
        .satisfies(s -> assertThat(s.labels()).isEqualTo(Labels.of("job", "x")));
  }

  @Test
  void refusesQueriesOverTheSeriesOrSampleLimit() {
    counter("api", 41);
    counter("web", 41);
    Engine tight = new Engine(source, EngineOptions.defaults().withLimits(1, 1_000));
    assertThatThrownBy(() -> tight.instantQuery("requests_total", 600 * SEC))
        .isInstanceOf(QueryLimitException.class)
        .hasMessageContaining("more than 1 series");
    Engine fewSamples = new Engine(source, EngineOptions.defaults().withLimits(10, 20));
    assertThatThrownBy(() -> fewSamples.instantQuery("rate(requests_total[10m])", 600 * SEC))
        .isInstanceOf(QueryLimitException.class)
        .hasMessageContaining("too many samples");
  }

  @Test
  void delayedNameRemovalLetsLabelReplaceReadTheName() {
    counter("api", 41);
    List<Sample> out = vector("label_replace(rate(requests_total[1m]), \"src\", \"$1\", \"__name__\", \"(.*)\")", 600 * SEC);
    assertThat(out.get(0).labels()).isEqualTo(Labels.of("job", "api", "src", "requests_total"));
  }
}
