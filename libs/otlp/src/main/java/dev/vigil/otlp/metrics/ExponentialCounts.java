package dev.vigil.otlp.metrics;

import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An OTLP exponential histogram (bucket index → count at a scale), able to add a later delta and to
 * turn itself into classic buckets. Positive bucket {@code i} holds values in
 * {@code (base^i, base^(i+1)]}, negative bucket {@code i} their negatives, with
 * {@code base = 2^(2^-scale)}; the zero bucket holds {@code [-zeroThreshold, zeroThreshold]}.
 */
final class ExponentialCounts {

  private final int scale;
  private final double zeroThreshold;
  private final long zeroCount;
  private final long count;
  private final double sum;
  private final boolean hasSum;
  private final NavigableMap<Integer, Long> positive;
  private final NavigableMap<Integer, Long> negative;

  private ExponentialCounts(
      int scale,
      double zeroThreshold,
      long zeroCount,
      long count,
      double sum,
      boolean hasSum,
      NavigableMap<Integer, Long> positive,
      NavigableMap<Integer, Long> negative) {
    this.scale = scale;
    this.zeroThreshold = zeroThreshold;
    this.zeroCount = zeroCount;
    this.count = count;
    this.sum = sum;
    this.hasSum = hasSum;
    this.positive = positive;
    this.negative = negative;
  }

  static ExponentialCounts of(ExponentialHistogramDataPoint point) {
    return new ExponentialCounts(
        point.getScale(),
        point.getZeroThreshold(),
        point.getZeroCount(),
        point.getCount(),
        point.getSum(),
        point.hasSum(),
        buckets(point.getPositive()),
        buckets(point.getNegative()));
  }

  /** This histogram plus a later delta, both brought to the coarser of the two scales. */
  ExponentialCounts plus(ExponentialCounts delta) {
    int common = Math.min(scale, delta.scale);
    NavigableMap<Integer, Long> pos = downscale(positive, scale - common);
    NavigableMap<Integer, Long> neg = downscale(negative, scale - common);
    downscale(delta.positive, delta.scale - common).forEach((i, c) -> pos.merge(i, c, Long::sum));
    downscale(delta.negative, delta.scale - common).forEach((i, c) -> neg.merge(i, c, Long::sum));
    return new ExponentialCounts(
        common,
        Math.max(zeroThreshold, delta.zeroThreshold),
        zeroCount + delta.zeroCount,
        count + delta.count,
        sum + delta.sum,
        hasSum && delta.hasSum,
        pos,
        neg);
  }

  /**
   * Classic buckets: each negative bucket up to {@code -base^i}, the zero bucket up to the zero
   * threshold, each positive bucket up to {@code base^(i+1)}, in ascending order.
   */
  ClassicHistogram toClassic() {
    List<Double> bounds = new ArrayList<>(negative.size() + positive.size() + 1);
    List<Long> counts = new ArrayList<>(negative.size() + positive.size() + 2);
    for (Map.Entry<Integer, Long> bucket : negative.descendingMap().entrySet()) {
      bounds.add(-power(bucket.getKey()));
      counts.add(bucket.getValue());
    }
    bounds.add(zeroThreshold);
    counts.add(zeroCount);
    for (Map.Entry<Integer, Long> bucket : positive.entrySet()) {
      bounds.add(power(bucket.getKey() + 1));
      counts.add(bucket.getValue());
    }
    counts.add(0L);
    return new ClassicHistogram(
        bounds.stream().mapToDouble(Double::doubleValue).toArray(),
        counts.stream().mapToLong(Long::longValue).toArray(),
        count,
        sum,
        hasSum);
  }

  /**
   * {@code base^index = 2^(index / 2^scale)}, computed as a whole power of two times
   * {@code 2^(remainder / 2^scale)} so that every bound that is a power of two is exact.
   */
  double power(int index) {
    if (scale <= 0) {
      long exponent = (long) index << -scale;
      return Math.scalb(1.0, (int) Math.max(-2000, Math.min(2000, exponent)));
    }
    int perOctave = 1 << scale;
    int octave = Math.floorDiv(index, perOctave);
    int remainder = Math.floorMod(index, perOctave);
    return Math.scalb(Math.pow(2.0, (double) remainder / perOctave), octave);
  }

  private static NavigableMap<Integer, Long> buckets(ExponentialHistogramDataPoint.Buckets buckets) {
    NavigableMap<Integer, Long> map = new TreeMap<>();
    for (int i = 0; i < buckets.getBucketCountsCount(); i++) {
      map.put(buckets.getOffset() + i, buckets.getBucketCounts(i));
    }
    return map;
  }

  /** Buckets at a scale {@code by} steps coarser: index i becomes i >> by (floor), counts merge. */
  private static NavigableMap<Integer, Long> downscale(NavigableMap<Integer, Long> buckets, int by) {
    NavigableMap<Integer, Long> result = new TreeMap<>();
    buckets.forEach((i, c) -> result.merge(i >> by, c, Long::sum));
    return result;
  }
}
