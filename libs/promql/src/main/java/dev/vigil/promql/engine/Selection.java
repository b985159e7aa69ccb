package dev.vigil.promql.engine;

import dev.vigil.promql.ast.AggregateOp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The aggregations that return input samples unchanged: topk, bottomk, limitk and limit_ratio.
 * Results keep each sample's labels (and metric name).
 */
final class Selection {

  private Selection() {}

  static List<Sample> select(AggregateOp op, double param, List<Sample> members) {
    if (op == AggregateOp.LIMIT_RATIO) {
      return ratio(param, members);
    }
    if (Double.isNaN(param)) {
      throw PromqlException.execution("Parameter value is NaN");
    }
    if (param >= Long.MAX_VALUE || param <= Long.MIN_VALUE) {
      throw PromqlException.execution(
          "Scalar value " + param + " overflows int64");
    }
    long k = (long) param;
    if (k < 1) {
      return List.of();
    }
    if (op == AggregateOp.LIMITK) {
      return new ArrayList<>(members.subList(0, (int) Math.min(k, members.size())));
    }
    Comparator<Sample> order =
        op == AggregateOp.TOPK ? Selection::compareTop : Selection::compareBottom;
    List<Sample> sorted = new ArrayList<>(members);
    sorted.sort(order);
    return new ArrayList<>(sorted.subList(0, (int) Math.min(k, sorted.size())));
  }

  /** Largest first; NaN last. */
  private static int compareTop(Sample a, Sample b) {
    return compareNaNLast(b.value(), a.value(), a, b);
  }

  /** Smallest first; NaN last. */
  private static int compareBottom(Sample a, Sample b) {
    return compareNaNLast(a.value(), b.value(), a, b);
  }

  private static int compareNaNLast(double x, double y, Sample a, Sample b) {
    boolean an = Double.isNaN(a.value());
    boolean bn = Double.isNaN(b.value());
    if (an || bn) {
      return Boolean.compare(an, bn);
    }
    return Double.compare(x, y);
  }

  private static List<Sample> ratio(double ratio, List<Sample> members) {
    if (Double.isNaN(ratio)) {
      throw PromqlException.execution("Ratio value is NaN");
    }
    double r = Math.max(-1, Math.min(1, ratio));
    List<Sample> out = new ArrayList<>();
    for (Sample s : members) {
      double offset = SeriesHash.ratioOffset(s.labels());
      boolean keep = r >= 0 ? offset < r : offset >= 1 + r;
      if (keep) {
        out.add(s);
      }
    }
    return out;
  }
}
