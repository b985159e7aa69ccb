package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.engine.Labels;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves a selector on the series catalogue: the labels of every matching series, by fingerprint.
 * Reads at most {@code maxSeries + 1} series, so an over-wide selector costs one small answer before
 * it is refused.
 */
final class SelectMetricSeries {

  private final ClickHouseStorage storage;

  SelectMetricSeries(ClickHouseStorage storage) {
    this.storage = storage;
  }

  Map<Long, Labels> select(SeriesQuery query, SelectionBudget budget) {
    List<Object> params = new ArrayList<>();
    // reinterpretAsInt64: fingerprints use all 64 bits, a Java long holds them by their bits.
    StringBuilder sql =
        new StringBuilder(
            "SELECT reinterpretAsInt64(fingerprint), toString(metric_name), toJSONString(any(labels))"
                + " FROM ${database}.metric_series WHERE ");
    query.appendCatalogueCondition(sql, params);
    sql.append(" GROUP BY metric_name, fingerprint LIMIT ?");
    params.add(budget.maxSeries() + 1L);
    sql.append(budget.settings());
    List<Map.Entry<Long, Labels>> rows =
        MetricStatements.query(
            storage,
            "metric series selection",
            sql.toString(),
            params,
            rs -> {
              Map<String, String> labels = new TreeMap<>(Sql.stringMap(rs.getString(3)));
              labels.put(Labels.METRIC_NAME, rs.getString(2));
              return Map.entry(rs.getLong(1), Labels.of(labels));
            });
    if (rows.size() > budget.maxSeries()) {
      throw budget.tooManySeries();
    }
    Map<Long, Labels> series = new HashMap<>();
    rows.forEach(e -> series.put(e.getKey(), e.getValue()));
    return series;
  }
}
