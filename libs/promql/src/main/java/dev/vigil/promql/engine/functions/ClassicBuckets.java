package dev.vigil.promql.engine.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cumulative buckets ({@code le} upper bound, count) of one classic histogram at one time,
 * with Prometheus's quantile and fraction estimation by linear interpolation inside a bucket.
 */
public final class ClassicBuckets {

  private static final double SMALL_DELTA_TOLERANCE = 1e-12;

  private record Bucket(double upperBound, double count) {}

  private final List<Bucket> buckets = new ArrayList<>();

  public void add(double upperBound, double count) {
    buckets.add(new Bucket(upperBound, count));
  }

  /** Sorts by bound, merges equal bounds and forces monotonic counts; false when unusable. */
  private List<Bucket> prepared() {
    List<Bucket> sorted = new ArrayList<>(buckets);
    sorted.sort(Comparator.comparingDouble(Bucket::upperBound));
    if (sorted.isEmpty() || sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
      return null;
    }
    List<Bucket> merged = new ArrayList<>();
    for (Bucket b : sorted) {
      int last = merged.size() - 1;
      if (last >= 0 && merged.get(last).upperBound() == b.upperBound()) {
        merged.set(last, new Bucket(b.upperBound(), merged.get(last).count() + b.count()));
      } else {
        merged.add(b);
      }
    }
    double prev = merged.get(0).count();
    for (int i = 1; i < merged.size(); i++) {
      double cur = merged.get(i).count();
      if (cur == prev) {
        continue;
      }
      if (almostEqual(prev, cur, SMALL_DELTA_TOLERANCE) || cur < prev) {
        merged.set(i, new Bucket(merged.get(i).upperBound(), prev));
        continue;
      }
      prev = cur;
    }
    return merged;
  }

  public double quantile(double q) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    List<Bucket> b = prepared();
    if (b == null || b.size() < 2) {
      return Double.NaN;
    }
    double observations = b.get(b.size() - 1).count();
    if (observations == 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    int i = 0;
    while (i < b.size() - 1 && b.get(i).count() < rank) {
      i++;
    }
    if (i == b.size() - 1) {
      return b.get(b.size() - 2).upperBound();
    }
    if (i == 0 && b.get(0).upperBound() <= 0) {
      return b.get(0).upperBound();
    }
    double start = 0;
    double end = b.get(i).upperBound();
    double count = b.get(i).count();
    if (i > 0) {
      start = b.get(i - 1).upperBound();
      count -= b.get(i - 1).count();
      rank -= b.get(i - 1).count();
    }
    return start + (end - start) * (rank / count);
  }

  public double fraction(double lower, double upper) {
    List<Bucket> b = prepared();
    if (b == null) {
      return Double.NaN;
    }
    double count = b.get(b.size() - 1).count();
    if (count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
      return Double.NaN;
    }
    if (lower >= upper) {
      return 0;
    }
    double rank = 0;
    double lowerRank = 0;
    double upperRank = 0;
    boolean lowerSet = false;
    boolean upperSet = false;
    for (int i = 0; i < b.size(); i++) {
      double lowerBound = i > 0 ? b.get(i - 1).upperBound() : Double.NEGATIVE_INFINITY;
      double upperBound = b.get(i).upperBound();
      double bucketCount = b.get(i).count();
      if (i == 0 && upperBound > 0) {
        lowerBound = 0;
      }
      if (!lowerSet && lowerBound >= lower) {
        lowerRank = rank;
        lowerSet = true;
      }
      if (!upperSet && lowerBound >= upper) {
        upperRank = rank;
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      if (!lowerSet && lowerBound < lower && upperBound > lower) {
        lowerRank = interpolate(rank, bucketCount, lowerBound, upperBound, lower);
        lowerSet = true;
      }
      if (!upperSet && lowerBound < upper && upperBound > upper) {
        upperRank = interpolate(rank, bucketCount, lowerBound, upperBound, upper);
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      rank = bucketCount;
    }
    if (!lowerSet || lowerRank > count) {
      lowerRank = count;
    }
    if (!upperSet || upperRank > count) {
      upperRank = count;
    }
    return (upperRank - lowerRank) / count;
  }

  private static double interpolate(double rank, double bucketCount, double lo, double hi, double v) {
    if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
      return v > lo && Double.isInfinite(hi) ? rank : bucketCount;
    }
    return rank + (bucketCount - rank) * (v - lo) / (hi - lo);
  }

  private static boolean almostEqual(double a, double b, double epsilon) {
    if (a == b) {
      return true;
    }
    double diff = Math.abs(a - b);
    double norm = Math.min(Math.abs(a) + Math.abs(b), Double.MAX_VALUE);
    return diff < Double.MIN_NORMAL * epsilon || diff / norm < epsilon;
  }
}
