package dev.vigil.promql.engine;

/**
 * One element of an instant vector. {@code dropName} implements Prometheus's delayed name removal:
 * operations that change a value's meaning mark the sample, and the metric name is removed only
 * when the query's result is produced, so {@code label_replace} can still read it.
 */
public record Sample(Labels labels, double value, boolean dropName) {

  public Sample(Labels labels, double value) {
    this(labels, value, false);
  }

  public Sample withValue(double v) {
    return new Sample(labels, v, dropName);
  }

  public Sample droppingName(double v) {
    return new Sample(labels, v, true);
  }

  /** The labels as they will appear in the result. */
  public Labels resultLabels() {
    return dropName ? labels.withoutMetricName() : labels;
  }
}
