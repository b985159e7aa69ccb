package dev.vigil.promql.engine;

/** A series with its points (time in Unix ms, float value), as in range vectors and range results. */
public record Series(Labels labels, long[] timestamps, double[] values, boolean dropName) {

  public int size() {
    return timestamps.length;
  }

  public Labels resultLabels() {
    return dropName ? labels.withoutMetricName() : labels;
  }
}
