package dev.vigil.storage.clickhouse.read.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.Matrix;
import dev.vigil.promql.engine.Sample;
import dev.vigil.promql.engine.Scalar;
import dev.vigil.promql.engine.Series;
import dev.vigil.promql.engine.Value;
import dev.vigil.promql.engine.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus's JSON answers and the engine's values in one shape (a row of points per label set; a
 * vector's points at the evaluation time, a scalar as a row without labels), and what differs between two
 * of them: label sets exactly, timestamps exactly, values within a relative {@link #TOLERANCE} (NaN equals
 * NaN), and the order of rows when it is part of the answer ({@code sort}, {@code sort_desc}).
 */
final class QueryResults {

  static final double TOLERANCE = 1e-9;
  private static final int MAX_LINES = 12;

  record Row(Labels labels, long[] times, double[] values) {}

  private QueryResults() {}

  static List<Row> fromPrometheus(JsonNode data, long evalTime) {
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    List<Row> rows = new ArrayList<>();
    switch (type) {
      case "scalar" -> rows.add(new Row(Labels.EMPTY, new long[] {millis(result.get(0))}, new double[] {value(result.get(1))}));
      case "vector" -> result.forEach(s -> rows.add(new Row(labels(s.get("metric")),
          new long[] {millis(s.get("value").get(0))}, new double[] {value(s.get("value").get(1))})));
      case "matrix" -> result.forEach(s -> {
        JsonNode points = s.get("values");
        long[] times = new long[points.size()];
        double[] values = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
          times[i] = millis(points.get(i).get(0));
          values[i] = value(points.get(i).get(1));
        }
        rows.add(new Row(labels(s.get("metric")), times, values));
      });
      default -> throw new IllegalArgumentException("unexpected result type " + type + " at " + evalTime);
    }
    return rows;
  }

  static List<Row> fromVigil(Value value, long evalTime) {
    List<Row> rows = new ArrayList<>();
    if (value instanceof Scalar s) {
      rows.add(new Row(Labels.EMPTY, new long[] {evalTime}, new double[] {s.value()}));
    } else if (value instanceof Vector v) {
      for (Sample s : v.samples()) {
        rows.add(new Row(s.labels(), new long[] {evalTime}, new double[] {s.value()}));
      }
    } else if (value instanceof Matrix m) {
      for (Series s : m.series()) {
        rows.add(new Row(s.labels(), s.timestamps(), s.values()));
      }
    } else {
      throw new IllegalArgumentException("unexpected result " + value);
    }
    return rows;
  }

  /** Readable lines for every difference (at most a dozen, then a count); empty when the answers agree. */
  static List<String> differences(List<Row> prometheus, List<Row> vigil, boolean ordered) {
    List<String> lines = new ArrayList<>();
    Map<Labels, Row> expected = byLabels(prometheus, "Prometheus", lines);
    Map<Labels, Row> actual = byLabels(vigil, "Vigil", lines);
    for (Row p : expected.values()) {
      Row v = actual.get(p.labels());
      if (v == null) {
        lines.add("only in Prometheus: " + p.labels() + " " + points(p));
      } else {
        pointDifference(p, v, lines);
      }
    }
    for (Row v : actual.values()) {
      if (!expected.containsKey(v.labels())) {
        lines.add("only in Vigil: " + v.labels() + " " + points(v));
      }
    }
    if (ordered && lines.isEmpty()) {
      List<Labels> want = prometheus.stream().map(Row::labels).toList();
      List<Labels> got = vigil.stream().map(Row::labels).toList();
      if (!want.equals(got)) {
        lines.add("order differs: Prometheus " + want + ", Vigil " + got);
      }
    }
    if (lines.size() > MAX_LINES) {
      int more = lines.size() - MAX_LINES;
      lines = new ArrayList<>(lines.subList(0, MAX_LINES));
      lines.add("... and " + more + " more");
    }
    return lines;
  }

  static boolean close(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    return a == b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }

  private static void pointDifference(Row p, Row v, List<String> lines) {
    if (!Arrays.equals(p.times(), v.times())) {
      TreeMap<Long, String> diff = new TreeMap<>();
      Arrays.stream(p.times()).filter(t -> Arrays.binarySearch(v.times(), t) < 0).forEach(t -> diff.put(t, "only Prometheus"));
      Arrays.stream(v.times()).filter(t -> Arrays.binarySearch(p.times(), t) < 0).forEach(t -> diff.put(t, "only Vigil"));
      lines.add(p.labels() + ": " + p.times().length + " points in Prometheus, " + v.times().length
          + " in Vigil; first differing time " + diff.firstEntry());
      return;
    }
    for (int i = 0; i < p.values().length; i++) {
      if (!close(p.values()[i], v.values()[i])) {
        lines.add(p.labels() + " at " + p.times()[i] + ": Prometheus " + p.values()[i] + ", Vigil " + v.values()[i]);
        return;
      }
    }
  }

  private static Map<Labels, Row> byLabels(List<Row> rows, String side, List<String> lines) {
    Map<Labels, Row> map = new LinkedHashMap<>();
    for (Row r : rows) {
      if (map.put(r.labels(), r) != null) {
        lines.add(side + " answered " + r.labels() + " twice");
      }
    }
    return map;
  }

  private static String points(Row r) {
    return r.times().length == 1
        ? "= " + r.values()[0] + " at " + r.times()[0]
        : "(" + r.times().length + " points from " + r.times()[0] + ")";
  }

  private static Labels labels(JsonNode metric) {
    Map<String, String> map = new TreeMap<>();
    metric.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return Labels.of(map);
  }

  private static long millis(JsonNode seconds) {
    return Math.round(seconds.asDouble() * 1000);
  }

  private static double value(JsonNode text) {
    return switch (text.asText()) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text.asText());
    };
  }
}
