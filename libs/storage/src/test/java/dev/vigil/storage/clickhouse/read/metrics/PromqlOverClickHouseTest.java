package dev.vigil.storage.clickhouse.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.otlp.metrics.OtlpMetrics;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.Matrix;
import dev.vigil.promql.engine.Sample;
import dev.vigil.promql.engine.Series;
import dev.vigil.promql.engine.Vector;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import dev.vigil.storage.clickhouse.write.InsertMetrics;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PromQL end to end over ClickHouse: OTLP exports of a counter and a histogram, mapped by OtlpMetrics
 * and written by InsertMetrics as event-processor does, then evaluated by the engine through
 * {@link ClickHouseSeriesSource}. Every 15 s for 10 minutes, 6 requests are counted, 10 of them under
 * 100 ms, 20 between 100 and 500 ms and 10 between 500 ms and 1 s (per 15 s: 40 observations).
 */
class PromqlOverClickHouseTest {

  private static final long PROJECT = 7;
  private static final long END = Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
  private static final long START = END - 600_000;
  private static final long STEP = 15_000;

  private static ClickHouseStorage storage;
  private static Engine engine;

  @BeforeAll
  static void export() {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    OtlpMetrics mapping = new OtlpMetrics();
    InsertMetrics writer = new InsertMetrics(storage);
    // One export per minute, four points each, as a periodic reader with a short interval would send.
    for (int first = 0; first <= 40; first += 4) {
      ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
      Sum.Builder requests = Sum.newBuilder().setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
      Histogram.Builder durations = Histogram.newBuilder().setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
      for (int i = first; i < Math.min(first + 4, 41); i++) {
        long nanos = (START + i * STEP) * 1_000_000L;
        requests.addDataPoints(NumberDataPoint.newBuilder().setStartTimeUnixNano(START * 1_000_000L).setTimeUnixNano(nanos)
            .setAsInt(6L * i).addAttributes(kv("http.route", "/cart")));
        durations.addDataPoints(HistogramDataPoint.newBuilder().setStartTimeUnixNano(START * 1_000_000L).setTimeUnixNano(nanos)
            .setCount(40L * i).setSum(20.0 * i).addAllExplicitBounds(List.of(0.1, 0.5, 1.0))
            .addAllBucketCounts(List.of(10L * i, 20L * i, 10L * i, 0L)).addAttributes(kv("http.route", "/cart")));
      }
      request.addResourceMetrics(ResourceMetrics.newBuilder()
          .setResource(Resource.newBuilder().addAttributes(kv("service.name", "checkout")))
          .addScopeMetrics(ScopeMetrics.newBuilder()
              .setScope(InstrumentationScope.newBuilder().setName("io.opentelemetry.http"))
              .addMetrics(Metric.newBuilder().setName("http.server.requests").setUnit("{request}").setSum(requests))
              .addMetrics(Metric.newBuilder().setName("http.server.request.duration").setUnit("s").setHistogram(durations))));
      writer.insert(mapping.toBatch(PROJECT, request.build()), "export-" + first);
    }
    EngineOptions options = EngineOptions.defaults();
    engine = new Engine(new ClickHouseSeriesSource(storage, PROJECT, options), options);
  }

  @AfterAll
  static void drop() throws Exception {
    TestDatabases.drop(storage);
    storage.close();
  }

  @Test
  void rateOfACounterIsItsSlope() {
    Vector v = (Vector) engine.instantQuery("rate(http_server_requests_total[5m])", END);
    assertThat(v.samples()).singleElement().satisfies(s -> {
      assertThat(s.value()).isCloseTo(0.4, within(1e-9));
      assertThat(s.labels().get("job")).isEqualTo("checkout");
      assertThat(s.labels().get("http_route")).isEqualTo("/cart");
      assertThat(s.labels().metricName()).isNull();
    });
  }

  @Test
  void histogramQuantileInterpolatesWithinTheBucket() {
    Vector v = (Vector) engine.instantQuery(
        "histogram_quantile(0.9, sum by (le) (rate(http_server_request_duration_seconds_bucket[5m])))", END);
    // Rank 0.9 * 40 = 36 falls in (0.5, 1] holding observations 31..40: 0.5 + 0.5 * 6/10.
    assertThat(v.samples()).extracting(Sample::value).singleElement().satisfies(q -> assertThat(q).isCloseTo(0.8, within(1e-9)));
  }

  @Test
  void rangeQueriesEvaluateEveryStep() {
    Matrix m = engine.rangeQuery("sum(rate(http_server_requests_total[5m])) * 60", END - 120_000, END, 60_000);
    assertThat(m.series()).singleElement().satisfies(s -> {
      assertThat(s.timestamps()).containsExactly(END - 120_000, END - 60_000, END);
      assertThat(s.values()).containsExactly(new double[] {24, 24, 24}, within(1e-9));
    });
    Matrix older = engine.rangeQuery("http_server_requests_total", START - 60_000, START + 15_000, 15_000);
    assertThat(older.series()).singleElement().extracting(Series::values)
        .satisfies(values -> assertThat(values).containsExactly(0, 6));
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }
}
