package dev.vigil.promql.engine.functions;

import dev.vigil.promql.engine.KahanSum;
import dev.vigil.promql.engine.Series;
import dev.vigil.promql.engine.Statistics;

/** The {@code *_over_time} family: one value per series from all its points in the window. */
public final class OverTimeFunctions {

  private OverTimeFunctions() {}

  public static boolean handles(String name) {
    return name.endsWith("_over_time") || name.equals("double_exponential_smoothing");
  }

  /** Whether the result keeps the metric name (these return an input sample unchanged). */
  public static boolean keepsName(String name) {
    return name.equals("last_over_time") || name.equals("first_over_time");
  }

  public static Double apply(String name, Series s, double p1, double p2) {
    double[] vs = s.values();
    int n = vs.length;
    if (n == 0) {
      return null;
    }
    switch (name) {
      case "avg_over_time" -> {
        return Statistics.mean(vs, n);
      }
      case "sum_over_time" -> {
        KahanSum sum = new KahanSum();
        for (double v : vs) {
          sum.add(v);
        }
        return sum.value();
      }
      case "count_over_time" -> {
        return (double) n;
      }
      case "present_over_time" -> {
        return 1.0;
      }
      case "min_over_time", "max_over_time" -> {
        double best = vs[0];
        boolean min = name.startsWith("min");
        for (double v : vs) {
          if ((min ? v < best : v > best) || Double.isNaN(best)) {
            best = v;
          }
        }
        return best;
      }
      case "last_over_time" -> {
        return vs[n - 1];
      }
      case "first_over_time" -> {
        return vs[0];
      }
      case "stdvar_over_time" -> {
        return Statistics.variance(vs, n);
      }
      case "stddev_over_time" -> {
        return Math.sqrt(Statistics.variance(vs, n));
      }
      case "quantile_over_time" -> {
        return Statistics.quantile(p1, vs.clone());
      }
      case "mad_over_time" -> {
        for (double v : vs) {
          if (Double.isNaN(v)) {
            return Double.NaN;
          }
        }
        double median = Statistics.quantile(0.5, vs.clone());
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
          dev[i] = Math.abs(vs[i] - median);
        }
        return Statistics.quantile(0.5, dev);
      }
      case "ts_of_min_over_time", "ts_of_max_over_time" -> {
        return timestampOfExtreme(s, name.contains("min"));
      }
      case "ts_of_last_over_time" -> {
        return s.timestamps()[n - 1] / 1000.0;
      }
      case "ts_of_first_over_time" -> {
        return s.timestamps()[0] / 1000.0;
      }
      case "double_exponential_smoothing" -> {
        return smoothing(vs, p1, p2);
      }
      default -> throw new IllegalArgumentException("not an over_time function: " + name);
    }
  }

  private static Double timestampOfExtreme(Series s, boolean min) {
    double[] vs = s.values();
    int best = 0;
    for (int i = 1; i < vs.length; i++) {
      double v = vs[i];
      double b = vs[best];
      if ((min ? v <= b : v >= b) || (Double.isNaN(b) && !Double.isNaN(v))) {
        best = i;
      }
    }
    return s.timestamps()[best] / 1000.0;
  }

  /** Holt's double exponential smoothing with factors sf and tf in (0, 1). */
  private static Double smoothing(double[] vs, double sf, double tf) {
    if (sf <= 0 || sf >= 1) {
      throw new IllegalArgumentException("invalid smoothing factor. Expected: 0 < sf < 1, got: " + sf);
    }
    if (tf <= 0 || tf >= 1) {
      throw new IllegalArgumentException("invalid trend factor. Expected: 0 < tf < 1, got: " + tf);
    }
    if (vs.length < 2) {
      return null;
    }
    double s0 = 0;
    double s1 = vs[0];
    double b = vs[1] - vs[0];
    for (int i = 1; i < vs.length; i++) {
      double x = sf * vs[i];
      if (i > 1) {
        b = tf * (s1 - s0) + (1 - tf) * b;
      }
      double y = (1 - sf) * (s1 + b);
      s0 = s1;
      s1 = x + y;
    }
    return s1;
  }

}
