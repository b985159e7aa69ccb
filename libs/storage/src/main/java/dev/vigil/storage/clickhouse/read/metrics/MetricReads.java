package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metric catalogue: series names, label names and label values of a project, read from
 * metric_series (one row per series and day) restricted to the days of the range. The basis for
 * PromQL's metadata endpoints. Calls block on the network.
 */
public final class MetricReads {

  private static final String DAYS =
      "project_id = ? AND date >= toDate(" + Sql.NANOS + ") AND date <= toDate(" + Sql.NANOS + ")";

  private final ClickHouseStorage storage;

  public MetricReads(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /** Series names (by name), optionally only those containing {@code match}, case-insensitively. */
  public List<MetricName> names(long projectId, Instant from, Instant to, String match, int limit) {
    List<Object> params = range(projectId, from, to);
    StringBuilder sql =
        new StringBuilder(
            "SELECT metric_name, any(family), any(metric_type), any(unit), any(help) FROM ${database}.metric_series WHERE ")
            .append(DAYS);
    if (match != null) {
      sql.append(" AND positionCaseInsensitiveUTF8(metric_name, ?) > 0");
      params.add(match);
    }
    sql.append(" GROUP BY metric_name ORDER BY metric_name LIMIT ?");
    params.add(limit);
    return Sql.query(
        storage,
        "metric names",
        sql.toString(),
        params,
        rs -> new MetricName(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
  }

  /** Label names of the metric's series (a series or a family name), or of every series when null. */
  public List<String> labelNames(long projectId, String metric, Instant from, Instant to, int limit) {
    List<Object> params = range(projectId, from, to);
    StringBuilder sql =
        new StringBuilder("SELECT DISTINCT arrayJoin(mapKeys(labels)) AS k FROM ${database}.metric_series WHERE ").append(DAYS);
    metric(sql, params, metric);
    sql.append(" ORDER BY k LIMIT ?");
    params.add(limit);
    return Sql.query(storage, "metric label names", sql.toString(), params, rs -> rs.getString(1));
  }

  /** Values of one label across the metric's series (or every series when null). */
  public List<String> labelValues(long projectId, String metric, String label, Instant from, Instant to, int limit) {
    List<Object> params = range(projectId, from, to);
    StringBuilder sql = new StringBuilder("SELECT DISTINCT ");
    if ("__name__".equals(label)) {
      sql.append("toString(metric_name) AS v FROM ${database}.metric_series WHERE ").append(DAYS);
    } else {
      sql.append("labels[?] AS v FROM ${database}.metric_series WHERE ").append(DAYS).append(" AND mapContains(labels, ?)");
      params.add(0, label);
      params.add(label);
    }
    metric(sql, params, metric);
    sql.append(" ORDER BY v LIMIT ?");
    params.add(limit);
    return Sql.query(storage, "metric label values", sql.toString(), params, rs -> rs.getString(1));
  }

  /**
   * The series (labels with {@code __name__}) that match one of the selectors, by name and then
   * fingerprint: Prometheus's {@code /api/v1/series}.
   */
  public List<Map<String, String>> series(
      long projectId, List<List<LabelMatcher>> selectors, Instant from, Instant to, int limit) {
    List<Object> params = range(projectId, from, to);
    StringBuilder sql =
        new StringBuilder("SELECT toString(metric_name), toJSONString(any(labels)) FROM ${database}.metric_series WHERE ")
            .append(DAYS);
    SeriesSelectors.append(sql, params, selectors);
    sql.append(" GROUP BY metric_name, fingerprint ORDER BY metric_name, fingerprint LIMIT ?");
    params.add(limit);
    return Sql.query(
        storage,
        "metric series",
        sql.toString(),
        params,
        rs -> {
          Map<String, String> labels = new TreeMap<>(Sql.stringMap(rs.getString(2)));
          labels.values().removeIf(String::isEmpty);
          labels.put("__name__", rs.getString(1));
          return labels;
        });
  }

  /** Label names of the series matching one of the selectors (every series when there are none). */
  public List<String> labelNamesMatching(
      long projectId, List<List<LabelMatcher>> selectors, Instant from, Instant to, int limit) {
    List<Object> params = range(projectId, from, to);
    StringBuilder sql =
        new StringBuilder("SELECT DISTINCT arrayJoin(mapKeys(labels)) AS k FROM ${database}.metric_series WHERE ").append(DAYS);
    SeriesSelectors.append(sql, params, selectors);
    sql.append(" ORDER BY k LIMIT ?");
    params.add(limit);
    return Sql.query(storage, "metric label names", sql.toString(), params, rs -> rs.getString(1));
  }

  /** Values of one label (metric names for {@code __name__}) over the series matching one of the selectors. */
  public List<String> labelValuesMatching(
      long projectId, String label, List<List<LabelMatcher>> selectors, Instant from, Instant to, int limit) {
    List<Object> params = range(projectId, from, to);
    StringBuilder sql = new StringBuilder("SELECT DISTINCT ");
    if ("__name__".equals(label)) {
      sql.append("toString(metric_name) AS v FROM ${database}.metric_series WHERE ").append(DAYS);
    } else {
      sql.append("labels[?] AS v FROM ${database}.metric_series WHERE ").append(DAYS).append(" AND mapContains(labels, ?)");
      params.add(0, label);
      params.add(label);
    }
    SeriesSelectors.append(sql, params, selectors);
    sql.append(" AND v != '' ORDER BY v LIMIT ?");
    params.add(limit);
    return Sql.query(storage, "metric label values", sql.toString(), params, rs -> rs.getString(1));
  }

  private static List<Object> range(long projectId, Instant from, Instant to) {
    return new ArrayList<>(List.of(projectId, Sql.nanos(from), Sql.nanos(to)));
  }

  private static void metric(StringBuilder sql, List<Object> params, String metric) {
    if (metric != null) {
      sql.append(" AND (metric_name = ? OR family = ?)");
      params.add(metric);
      params.add(metric);
    }
  }
}
