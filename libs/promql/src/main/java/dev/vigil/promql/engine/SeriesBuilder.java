package dev.vigil.promql.engine;

import java.util.Arrays;

/** Collects the points of one series step by step. */
final class SeriesBuilder {

  private final Labels labels;
  private final boolean dropName;
  private long[] ts = new long[16];
  private double[] vs = new double[16];
  private int n;

  SeriesBuilder(Labels labels, boolean dropName) {
    this.labels = labels;
    this.dropName = dropName;
  }

  void add(long t, double v) {
    if (n == ts.length) {
      ts = Arrays.copyOf(ts, n * 2);
      vs = Arrays.copyOf(vs, n * 2);
    }
    ts[n] = t;
    vs[n] = v;
    n++;
  }

  Series build() {
    return new Series(labels, Arrays.copyOf(ts, n), Arrays.copyOf(vs, n), dropName);
  }
}
