package dev.vigil.promql.conformance;

import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.Matrix;
import dev.vigil.promql.engine.Sample;
import dev.vigil.promql.engine.Scalar;
import dev.vigil.promql.engine.Series;
import dev.vigil.promql.engine.StaleMarkers;
import dev.vigil.promql.engine.StringValue;
import dev.vigil.promql.engine.Value;
import dev.vigil.promql.engine.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a query result with an eval's expected lines the way Prometheus's test runner does:
 * same series, values equal within a relative 1e-6 (NaN equals NaN), order only when asked.
 * Returns null when they match, else what differs.
 */
final class ResultCheck {

  private ResultCheck() {}

  static String compare(TestScript.Eval e, Value actual) {
    List<SeriesNotation.Line> expected = new ArrayList<>();
    for (String line : e.expected()) {
      expected.add(SeriesNotation.parse(line));
    }
    if (actual instanceof Scalar s) {
      if (expected.size() != 1 || expected.get(0).values().size() != 1) {
        return "expected " + expected.size() + " lines, got scalar " + s.value();
      }
      double want = expected.get(0).values().get(0);
      return equal(want, s.value()) ? null : "expected scalar " + want + ", got " + s.value();
    }
    if (actual instanceof StringValue sv) {
      return "unexpected string result " + sv.value();
    }
    if (actual instanceof Vector v) {
      return compareVector(e, expected, v);
    }
    long start = e.range() ? e.start() : e.rangeVector() == null ? 0 : e.rangeVector()[0];
    long step = e.range() ? e.step() : e.rangeVector() == null ? 1 : e.rangeVector()[2];
    return compareMatrix(expected, (Matrix) actual, start, step, e.range());
  }

  private static String compareVector(TestScript.Eval e, List<SeriesNotation.Line> expected, Vector v) {
    if (expected.size() != v.samples().size()) {
      return "expected " + expected.size() + " samples, got " + v.samples().size() + ": " + v.samples();
    }
    Map<Labels, Integer> index = new HashMap<>();
    for (int i = 0; i < v.samples().size(); i++) {
      index.put(v.samples().get(i).labels(), i);
    }
    for (int i = 0; i < expected.size(); i++) {
      SeriesNotation.Line line = expected.get(i);
      Labels labels = line.labels() == null ? Labels.EMPTY : line.labels();
      Integer at = index.get(labels);
      if (at == null) {
        return "missing " + labels + " in " + v.samples();
      }
      if (e.ordered() && at != i) {
        return "expected " + labels + " at position " + i + ", got " + at;
      }
      Sample s = v.samples().get(at);
      if (line.values().size() != 1 || line.values().get(0) == null) {
        return "bad expected line for " + labels;
      }
      double want = line.values().get(0);
      if (!equal(want, s.value())) {
        return "for " + labels + " expected " + want + ", got " + s.value();
      }
    }
    return null;
  }

  private static String compareMatrix(
      List<SeriesNotation.Line> expected, Matrix m, long start, long step, boolean range) {
    Map<Labels, Series> actual = new HashMap<>();
    for (Series s : m.series()) {
      actual.put(s.labels(), s);
    }
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " series, got " + actual.size() + ": " + describe(m);
    }
    for (SeriesNotation.Line line : expected) {
      Labels labels = line.labels() == null ? Labels.EMPTY : line.labels();
      Series s = actual.get(labels);
      if (s == null) {
        return "missing series " + labels + " in " + describe(m);
      }
      List<Long> wantT = new ArrayList<>();
      List<Double> wantV = new ArrayList<>();
      for (int i = 0; i < line.values().size(); i++) {
        Double v = line.values().get(i);
        if (v != null && !StaleMarkers.isStale(v)) {
          wantT.add(start + i * step);
          wantV.add(v);
        }
      }
      if (wantT.size() != s.size()) {
        return "series " + labels + ": expected " + wantV.size() + " points " + wantV + ", got " + points(s);
      }
      for (int i = 0; i < s.size(); i++) {
        if (wantT.get(i) != s.timestamps()[i] || !equal(wantV.get(i), s.values()[i])) {
          return "series " + labels + ": expected " + wantV + " at " + wantT + ", got " + points(s);
        }
      }
    }
    return null;
  }

  private static String describe(Matrix m) {
    StringBuilder sb = new StringBuilder();
    for (Series s : m.series()) {
      sb.append(s.labels()).append(' ').append(points(s)).append("; ");
    }
    return sb.toString();
  }

  private static String points(Series s) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < s.size(); i++) {
      sb.append(s.values()[i]).append('@').append(s.timestamps()[i]).append(' ');
    }
    return sb.append(']').toString();
  }

  static boolean equal(double a, double b) {
    if (Double.isNaN(a) && Double.isNaN(b)) {
      return true;
    }
    if (a == b) {
      return true;
    }
    double absSum = Math.abs(a) + Math.abs(b);
    double diff = Math.abs(a - b);
    if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
      return diff < 1e-6 * Double.MIN_NORMAL;
    }
    return diff / Math.min(absSum, Double.MAX_VALUE) < 1e-6;
  }
}
