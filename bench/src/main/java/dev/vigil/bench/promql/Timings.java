package dev.vigil.bench.promql;

import java.util.Arrays;
import java.util.List;

/** Durations of repeated runs in milliseconds: median and p95 (nearest rank). */
record Timings(double[] sorted) {

  static Timings of(List<Double> millis) {
    double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(values);
    return new Timings(values);
  }

  double median() {
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  double p95() {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
  }

  @Override
  public String toString() {
    return String.format("median %.1f ms, p95 %.1f ms (n=%d)", median(), p95(), sorted.length);
  }
}
