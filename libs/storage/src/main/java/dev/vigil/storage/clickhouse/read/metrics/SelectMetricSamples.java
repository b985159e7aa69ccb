package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.RawSeries;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the samples of a selector's series in one streamed query, ordered by series and time (the
 * table's sorting key, so ClickHouse reads in order without sorting). The series are named by the
 * same catalogue condition as a subquery rather than a list of fingerprints, so the statement stays
 * small however many series match. Samples are counted as they arrive; the read stops at
 * {@code maxSamples + 1}. A sample stored twice (a replayed batch not yet merged away) is read once.
 */
final class SelectMetricSamples {

  private static final int DEADLINE_CHECK_EVERY = 4096;

  private final ClickHouseStorage storage;

  SelectMetricSamples(ClickHouseStorage storage) {
    this.storage = storage;
  }

  List<RawSeries> select(SeriesQuery query, Map<Long, Labels> series, SelectionBudget budget) {
    List<Object> params = new ArrayList<>();
    // reinterpretAsInt64(value): the raw bits, so a staleness marker keeps its NaN payload.
    StringBuilder sql =
        new StringBuilder(
            "SELECT reinterpretAsInt64(fingerprint), timestamp_ms, reinterpretAsInt64(value) FROM ${database}.metric_samples"
                + " WHERE project_id = ? AND (metric_name, fingerprint) IN (SELECT metric_name, fingerprint FROM ${database}.metric_series WHERE ");
    params.add(query.projectId());
    query.appendCatalogueCondition(sql, params);
    sql.append(") AND timestamp_ms >= ? AND timestamp_ms <= ? ORDER BY metric_name, fingerprint, timestamp_ms");
    params.add(query.minTime());
    params.add(query.maxTime());
    sql.append(budget.settings());

    Reader reader = new Reader(series, budget);
    MetricStatements.stream(storage, "metric samples selection", sql.toString(), params,
        rs -> reader.add(rs.getLong(1), rs.getLong(2), Double.longBitsToDouble(rs.getLong(3))));
    return reader.finish();
  }

  /** Cuts the stream into series. */
  private static final class Reader {
    private final Map<Long, Labels> series;
    private final SelectionBudget budget;
    private final List<RawSeries> out = new ArrayList<>();
    private Labels labels;
    private long fingerprint;
    private long[] ts = new long[64];
    private double[] vs = new double[64];
    private int n;
    private long samples;
    private long rows;

    Reader(Map<Long, Labels> series, SelectionBudget budget) {
      this.series = series;
      this.budget = budget;
    }

    void add(long fp, long t, double v) {
      if (++rows % DEADLINE_CHECK_EVERY == 0) {
        budget.checkDeadline();
      }
      if (labels == null || fp != fingerprint) {
        flush();
        fingerprint = fp;
        // A series catalogued after the first query ran is not part of this selection.
        labels = series.get(fp);
      }
      if (labels == null || (n > 0 && ts[n - 1] == t)) {
        return;
      }
      if (++samples > budget.maxSamples()) {
        throw budget.tooManySamples();
      }
      if (n == ts.length) {
        ts = Arrays.copyOf(ts, n * 2);
        vs = Arrays.copyOf(vs, n * 2);
      }
      ts[n] = t;
      vs[n] = v;
      n++;
    }

    private void flush() {
      if (labels != null && n > 0) {
        out.add(new RawSeries(labels, Arrays.copyOf(ts, n), Arrays.copyOf(vs, n)));
      }
      n = 0;
    }

    List<RawSeries> finish() {
      flush();
      return out;
    }
  }
}
