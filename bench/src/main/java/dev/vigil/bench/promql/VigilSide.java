package dev.vigil.bench.promql;

import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.Matrix;
import dev.vigil.promql.engine.Series;
import dev.vigil.promql.engine.SeriesSource;
import dev.vigil.promql.engine.Value;
import dev.vigil.promql.engine.Vector;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.metrics.ClickHouseSeriesSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What is measured on Vigil: its PromQL engine in this process over {@link ClickHouseSeriesSource}, reading
 * the ClickHouse endpoint over HTTP, one source per query as query-service and alert-service create them. No
 * HTTP API and no JSON encoding of the answer are included (Prometheus's engine time leaves those out too).
 */
final class VigilSide {

  private final ClickHouseStorage storage;
  private final long project;
  private final EngineOptions options = EngineOptions.defaults();

  VigilSide(ClickHouseStorage storage, long project) {
    this.storage = storage;
    this.project = project;
  }

  /** Selections made and time spent in them (ClickHouse statements and streaming), since the last reset. */
  private long reads;
  private long readNanos;

  private Engine engine() {
    SeriesSource clickhouse = new ClickHouseSeriesSource(storage, project, options);
    SeriesSource timed = (matchers, minTime, maxTime) -> {
      long t0 = System.nanoTime();
      try {
        return clickhouse.select(matchers, minTime, maxTime);
      } finally {
        readNanos += System.nanoTime() - t0;
        reads++;
      }
    };
    return new Engine(timed, options);
  }

  /** Selections per measured run and the share of the measured time they took. */
  record Reads(double perRun, double share) {
    @Override
    public String toString() {
      return String.format("%.0f selections per run, %.0f%% of the time", perRun, share * 100);
    }
  }

  private Reads reads(List<Double> millis) {
    double total = millis.stream().mapToDouble(Double::doubleValue).sum();
    return new Reads((double) reads / millis.size(), readNanos / 1e6 / total);
  }

  record RangeResult(Timings timings, Reads reads, int series, long points) {}

  RangeResult rangeQuery(String query, long start, long end, long step, int warmups, int runs) {
    List<Double> millis = new ArrayList<>();
    Matrix answer = null;
    for (int i = 0; i < warmups + runs; i++) {
      if (i == warmups) {
        reads = 0;
        readNanos = 0;
      }
      long t0 = System.nanoTime();
      answer = engine().rangeQuery(query, start, end, step);
      if (i >= warmups) {
        millis.add((System.nanoTime() - t0) / 1e6);
      }
    }
    return new RangeResult(Timings.of(millis), reads(millis), answer.series().size(),
        answer.series().stream().mapToLong(Series::size).sum());
  }

  record RuleResult(Timings timings, Reads reads, int recordedSeries, int alertingSeries) {}

  /** Every rule as one instant query at {@code time}, one after another; {@code runs} passes after one warm-up. */
  RuleResult rules(List<BenchRules.Rule> rules, long time, int runs) {
    List<Double> millis = new ArrayList<>();
    int recorded = 0;
    int alerting = 0;
    for (int pass = 0; pass <= runs; pass++) {
      if (pass == 1) {
        reads = 0;
        readNanos = 0;
      }
      recorded = 0;
      alerting = 0;
      long t0 = System.nanoTime();
      for (BenchRules.Rule rule : rules) {
        int n = size(engine().instantQuery(rule.expr(), time));
        if (rule.alert()) {
          alerting += n;
        } else {
          recorded += n;
        }
      }
      if (pass > 0) {
        millis.add((System.nanoTime() - t0) / 1e6);
      }
    }
    return new RuleResult(Timings.of(millis), reads(millis), recorded, alerting);
  }

  private static int size(Value v) {
    return v instanceof Vector vector ? vector.samples().size() : 1;
  }
}
