package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Call;
import dev.vigil.promql.engine.functions.ClassicBuckets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * histogram_quantile, histogram_quantiles and histogram_fraction over classic histograms (series
 * with an {@code le} label, grouped by their other labels). Native-histogram-only functions
 * (histogram_count, _sum, _avg, _stddev, _stdvar) return nothing for float samples.
 */
final class HistogramCalls {

  private static final String LE = "le";
  private final Evaluator ev;

  HistogramCalls(Evaluator ev) {
    this.ev = ev;
  }

  Value eval(Call c, long t) {
    String name = c.function().name();
    switch (name) {
      case "histogram_quantile" -> {
        double q = ev.scalar(c.args().get(0), t);
        return perHistogram(ev.vector(c.args().get(1), t), b -> b.quantile(q), null, null);
      }
      case "histogram_fraction" -> {
        double lo = ev.scalar(c.args().get(0), t);
        double hi = ev.scalar(c.args().get(1), t);
        return perHistogram(ev.vector(c.args().get(2), t), b -> b.fraction(lo, hi), null, null);
      }
      case "histogram_quantiles" -> {
        Vector input = ev.vector(c.args().get(0), t);
        String label = ((StringValue) ev.eval(c.args().get(1), t)).value();
        List<Sample> out = new ArrayList<>();
        for (int i = 2; i < c.args().size(); i++) {
          double q = ev.scalar(c.args().get(i), t);
          out.addAll(perHistogram(input, b -> b.quantile(q), label, Double.toString(q)).samples());
        }
        return new Vector(out);
      }
      case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev",
          "histogram_stdvar" -> {
        ev.vector(c.args().get(0), t);
        return new Vector(List.of());
      }
      default -> throw PromqlException.execution("function \"" + name + "\" is not supported");
    }
  }

  private static Vector perHistogram(
      Vector input,
      java.util.function.ToDoubleFunction<ClassicBuckets> f,
      String extraLabel,
      String extraValue) {
    Map<Labels, ClassicBuckets> groups = new LinkedHashMap<>();
    for (Sample s : input.samples()) {
      String le = s.labels().get(LE);
      if (le == null) {
        continue;
      }
      double bound;
      try {
        bound = parseBound(le);
      } catch (NumberFormatException e) {
        continue;
      }
      Labels key = s.labels().without(LE).withoutMetricName();
      groups.computeIfAbsent(key, k -> new ClassicBuckets()).add(bound, s.value());
    }
    List<Sample> out = new ArrayList<>();
    groups.forEach(
        (labels, buckets) -> {
          Labels l = extraLabel == null ? labels : labels.with(extraLabel, extraValue);
          out.add(new Sample(l, f.applyAsDouble(buckets), true));
        });
    return new Vector(out);
  }

  static double parseBound(String le) {
    String v = le.trim();
    if (v.equalsIgnoreCase("+inf") || v.equalsIgnoreCase("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (v.equalsIgnoreCase("-inf")) {
      return Double.NEGATIVE_INFINITY;
    }
    if (v.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(v);
  }
}
