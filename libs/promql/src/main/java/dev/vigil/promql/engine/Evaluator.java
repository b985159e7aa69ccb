package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Aggregate;
import dev.vigil.promql.ast.Binary;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.Paren;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.Subquery;
import dev.vigil.promql.ast.Unary;
import dev.vigil.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression at one time over the samples {@link SelectionPlanner} loaded. Range
 * queries call it once per step; subqueries call it once per inner step (memoised, since the
 * inner steps of neighbouring outer steps overlap).
 */
final class Evaluator {

  final QueryWindow window;
  private final Map<VectorSelector, List<RawSeries>> data;
  private final Map<Subquery, Map<Long, Vector>> subqueryCache = new IdentityHashMap<>();
  private final SampleBudget budget;
  private final Deadline deadline;
  private final BinaryOperations binary = new BinaryOperations();
  private final Aggregations aggregations = new Aggregations(this);
  private final FunctionCalls functions = new FunctionCalls(this);

  Evaluator(QueryWindow window, Map<VectorSelector, List<RawSeries>> data, SampleBudget budget, Deadline deadline) {
    this.window = window;
    this.data = data;
    this.budget = budget;
    this.deadline = deadline;
  }

  Value eval(Expr e, long t) {
    if (e instanceof NumberLiteral n) {
      return new Scalar(n.value());
    } else if (e instanceof StringLiteral s) {
      return new StringValue(s.value());
    } else if (e instanceof Paren p) {
      return eval(p.expr(), t);
    } else if (e instanceof VectorSelector vs) {
      return instant(vs, t);
    } else if (e instanceof MatrixSelector || e instanceof Subquery) {
      RangeVector r = range(e, t);
      return new Matrix(r.series());
    } else if (e instanceof Unary u) {
      return negate(eval(u.expr(), t));
    } else if (e instanceof Binary b) {
      return binary.eval(b, eval(b.lhs(), t), eval(b.rhs(), t));
    } else if (e instanceof Aggregate a) {
      return aggregations.eval(a, t);
    } else if (e instanceof Call c) {
      return functions.eval(c, t);
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  double scalar(Expr e, long t) {
    Value v = eval(e, t);
    if (v instanceof Scalar s) {
      return s.value();
    }
    throw PromqlException.execution("expected scalar, got " + v.getClass().getSimpleName());
  }

  Vector vector(Expr e, long t) {
    return (Vector) eval(e, t);
  }

  private static Value negate(Value v) {
    if (v instanceof Scalar s) {
      return new Scalar(-s.value());
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : ((Vector) v).samples()) {
      out.add(s.droppingName(-s.value()));
    }
    return new Vector(out);
  }

  /** The samples an instant selector returns at {@code t}, with their own timestamps in {@code times}. */
  Vector instant(VectorSelector vs, long t) {
    return instant(vs, t, null);
  }

  Vector instant(VectorSelector vs, long t, List<Long> times) {
    long ref = window.reference(t, vs.at(), vs.offset());
    List<Sample> out = new ArrayList<>();
    for (RawSeries s : data.getOrDefault(vs, List.of())) {
      int i = lastAtOrBefore(s.timestamps(), ref);
      if (i < 0 || s.timestamps()[i] <= ref - window.lookback()) {
        continue;
      }
      double v = s.values()[i];
      if (StaleMarkers.isStale(v)) {
        continue;
      }
      out.add(new Sample(s.labels(), v));
      if (times != null) {
        times.add(s.timestamps()[i]);
      }
    }
    return new Vector(out);
  }

  /** A range vector argument: a matrix selector or a subquery, possibly parenthesised. */
  RangeVector range(Expr e, long t) {
    if (e instanceof Paren p) {
      return range(p.expr(), t);
    }
    if (e instanceof MatrixSelector ms) {
      return ExtendedRanges.isExtended(ms)
          ? ExtendedRanges.select(this, ms, data.getOrDefault(ms.selector(), List.of()), t)
          : matrix(ms, t);
    }
    if (e instanceof Subquery sq) {
      return subquery(sq, t);
    }
    throw PromqlException.execution("expected range vector, got " + e.type());
  }

  private RangeVector matrix(MatrixSelector ms, long t) {
    VectorSelector vs = ms.selector();
    long end = window.reference(t, vs.at(), vs.offset());
    long start = end - window.millis(ms.range());
    List<Series> out = new ArrayList<>();
    for (RawSeries s : data.getOrDefault(vs, List.of())) {
      Series points = slice(s, start, end);
      if (points != null) {
        out.add(points);
      }
    }
    return new RangeVector(out, start, end);
  }

  /** The non-stale points of a stored series in {@code (start, end]}, or null when none. */
  Series slice(RawSeries s, long start, long end) {
    long[] ts = s.timestamps();
    int from = lastAtOrBefore(ts, start) + 1;
    int to = lastAtOrBefore(ts, end);
    if (to < from) {
      return null;
    }
    long[] outT = new long[to - from + 1];
    double[] outV = new double[to - from + 1];
    int n = 0;
    for (int i = from; i <= to; i++) {
      if (!StaleMarkers.isStale(s.values()[i])) {
        outT[n] = ts[i];
        outV[n] = s.values()[i];
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    return new Series(s.labels(), Arrays.copyOf(outT, n), Arrays.copyOf(outV, n), false);
  }

  private RangeVector subquery(Subquery sq, long t) {
    long end = window.reference(t, sq.at(), sq.offset());
    long start = end - window.millis(sq.range());
    long step = sq.step() == null ? window.defaultSubqueryStep() : window.millis(sq.step());
    if (step <= 0) {
      throw PromqlException.execution("subquery step must be greater than 0");
    }
    long first = Math.floorDiv(start, step) * step;
    if (first <= start) {
      first += step;
    }
    Map<Long, Vector> memo = subqueryCache.computeIfAbsent(sq, k -> new java.util.HashMap<>());
    Map<Labels, SeriesBuilder> bySeries = new LinkedHashMap<>();
    for (long ts = first; ts <= end; ts += step) {
      final long at = ts;
      Vector v = memo.get(ts);
      if (v == null) {
        deadline.check();
        v = vector(sq.expr(), at);
        budget.add(v.samples().size());
        memo.put(ts, v);
      }
      for (Sample s : v.samples()) {
        bySeries.computeIfAbsent(s.labels(), l -> new SeriesBuilder(l, s.dropName())).add(ts, s.value());
      }
    }
    List<Series> out = new ArrayList<>();
    for (SeriesBuilder b : bySeries.values()) {
      out.add(b.build());
    }
    return new RangeVector(out, start, end);
  }

  /** Index of the last timestamp &lt;= t, or -1. */
  static int lastAtOrBefore(long[] ts, long t) {
    int lo = 0;
    int hi = ts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
