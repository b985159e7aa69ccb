package dev.vigil.otlp.metrics;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import java.util.Arrays;

/**
 * A histogram with explicit bucket bounds: {@code counts[i]} values fell in
 * {@code (bounds[i-1], bounds[i]]}, {@code counts[bounds.length]} above the last bound.
 */
record ClassicHistogram(double[] bounds, long[] counts, long count, double sum, boolean hasSum) {

  static ClassicHistogram of(HistogramDataPoint point) {
    double[] bounds = point.getExplicitBoundsList().stream().mapToDouble(Double::doubleValue).toArray();
    long[] counts = new long[bounds.length + 1];
    // A point may (invalidly) carry fewer counts than bounds + 1: missing buckets count zero.
    for (int i = 0; i < counts.length && i < point.getBucketCountsCount(); i++) {
      counts[i] = point.getBucketCounts(i);
    }
    return new ClassicHistogram(bounds, counts, point.getCount(), point.getSum(), point.hasSum());
  }

  /** This histogram plus a later delta; a delta with other bounds restarts from the delta. */
  ClassicHistogram plus(ClassicHistogram delta) {
    if (!Arrays.equals(bounds, delta.bounds)) {
      return delta;
    }
    long[] summed = counts.clone();
    for (int i = 0; i < summed.length; i++) {
      summed[i] += delta.counts[i];
    }
    return new ClassicHistogram(bounds, summed, count + delta.count, sum + delta.sum, hasSum && delta.hasSum);
  }

  /** Index of the bucket a value falls in (bounds are inclusive upper bounds). */
  int bucketOf(double value) {
    for (int i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        return i;
      }
    }
    return bounds.length;
  }
}
