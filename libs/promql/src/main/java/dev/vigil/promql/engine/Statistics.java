package dev.vigil.promql.engine;

import java.util.Arrays;

/** Mean, variance and quantile over plain arrays, shared by aggregations and *_over_time. */
public final class Statistics {

  private Statistics() {}

  /** Mean with Kahan summation, switching to an incremental mean when the sum overflows. */
  public static double mean(double[] values, int n) {
    KahanSum sum = new KahanSum();
    double mean = 0;
    double comp = 0;
    boolean incremental = false;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      double count = i + 1;
      if (!incremental) {
        double t = sum.rawSum() + v;
        if (count == 1 || !Double.isInfinite(t)) {
          sum.add(v);
          continue;
        }
        incremental = true;
        mean = sum.rawSum() / (count - 1);
        comp = sum.compensation() / (count - 1);
      }
      if (Double.isInfinite(mean)) {
        if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
          continue;
        }
        if (!Double.isInfinite(v) && !Double.isNaN(v)) {
          continue;
        }
      }
      double q = (count - 1) / count;
      mean = mean * q + v / count;
      comp = comp * q;
    }
    if (incremental) {
      return mean + comp;
    }
    return sum.rawSum() / n + sum.compensation() / n;
  }

  /** Population variance (Welford with compensated sums, as Prometheus computes stdvar). */
  public static double variance(double[] values, int n) {
    double count = 0;
    KahanSum mean = new KahanSum();
    KahanSum aux = new KahanSum();
    for (int i = 0; i < n; i++) {
      double v = values[i];
      count++;
      double delta = v - mean.value();
      mean.add(delta / count);
      aux.add(delta * (v - mean.value()));
    }
    return aux.value() / count;
  }

  /**
   * The phi-quantile with linear interpolation between closest ranks; NaN values sort first.
   * Sorts {@code values} in place.
   */
  public static double quantile(double phi, double[] values) {
    if (values.length == 0 || Double.isNaN(phi)) {
      return Double.NaN;
    }
    if (phi < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (phi > 1) {
      return Double.POSITIVE_INFINITY;
    }
    sortNaNFirst(values);
    double n = values.length;
    double rank = phi * (n - 1);
    double lower = Math.max(0, Math.floor(rank));
    double upper = Math.min(n - 1, lower + 1);
    double weight = rank - Math.floor(rank);
    return values[(int) lower] * (1 - weight) + values[(int) upper] * weight;
  }

  static void sortNaNFirst(double[] values) {
    Arrays.sort(values);
    int nans = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        nans++;
      }
    }
    if (nans > 0) {
      System.arraycopy(values, 0, values, nans, values.length - nans);
      Arrays.fill(values, 0, nans, Double.NaN);
    }
  }
}
