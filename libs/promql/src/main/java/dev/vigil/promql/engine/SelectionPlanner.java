package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Aggregate;
import dev.vigil.promql.ast.Binary;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.Paren;
import dev.vigil.promql.ast.Subquery;
import dev.vigil.promql.ast.Unary;
import dev.vigil.promql.ast.VectorSelector;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads, once per query, the samples every selector can need: walks the expression with the range
 * of times each node is evaluated at (shifted by offsets, pinned by {@code @}, widened by ranges,
 * subqueries and the lookback delta) and asks the {@link SeriesSource} for exactly that window.
 * Enforces the series and sample limits.
 */
final class SelectionPlanner {

  private final QueryWindow window;
  private final SeriesSource source;
  private final EngineOptions options;
  private final Map<VectorSelector, long[]> windows = new IdentityHashMap<>();
  private final Map<VectorSelector, List<RawSeries>> loaded = new IdentityHashMap<>();

  SelectionPlanner(QueryWindow window, SeriesSource source, EngineOptions options) {
    this.window = window;
    this.source = source;
    this.options = options;
  }

  Map<VectorSelector, List<RawSeries>> load(Expr root) {
    walk(root, window.start(), window.end(), 0);
    long series = 0;
    long samples = 0;
    for (Map.Entry<VectorSelector, long[]> e : windows.entrySet()) {
      long[] w = e.getValue();
      List<RawSeries> found = source.select(e.getKey().matchers(), w[0], w[1]);
      series += found.size();
      for (RawSeries s : found) {
        samples += s.size();
      }
      if (series > options.maxSeries()) {
        throw new QueryLimitException(
            "query selects more than " + options.maxSeries() + " series (limit maxSeries)");
      }
      if (samples > options.maxSamples()) {
        throw new QueryLimitException(
            "query processing would load too many samples into memory (more than "
                + options.maxSamples() + ", limit maxSamples)");
      }
      loaded.put(e.getKey(), found);
    }
    return loaded;
  }

  private void walk(Expr e, long from, long to, long range) {
    if (e instanceof VectorSelector vs) {
      select(vs, from, to, range == 0 ? window.lookback() : range);
    } else if (e instanceof MatrixSelector ms) {
      long r = window.millis(ms.range());
      if (ms.anchored() || ms.smoothed()) {
        r += window.lookback();
      }
      select(ms.selector(), from, to, r);
    } else if (e instanceof Subquery sq) {
      long lo = window.reference(from, sq.at(), sq.offset());
      long hi = window.reference(to, sq.at(), sq.offset());
      walk(sq.expr(), lo - window.millis(sq.range()), hi, 0);
    } else if (e instanceof Paren p) {
      walk(p.expr(), from, to, range);
    } else if (e instanceof Unary u) {
      walk(u.expr(), from, to, range);
    } else if (e instanceof Binary b) {
      walk(b.lhs(), from, to, range);
      walk(b.rhs(), from, to, range);
    } else if (e instanceof Aggregate a) {
      walk(a.expr(), from, to, range);
      if (a.param() != null) {
        walk(a.param(), from, to, range);
      }
    } else if (e instanceof Call c) {
      c.args().forEach(arg -> walk(arg, from, to, range));
    }
  }

  private void select(VectorSelector vs, long from, long to, long range) {
    long lo = window.reference(from, vs.at(), vs.offset()) - range;
    long hi = window.reference(to, vs.at(), vs.offset());
    if (vs.smoothed()) {
      hi += window.lookback();
    }
    long[] w = windows.get(vs);
    if (w == null) {
      windows.put(vs, new long[] {lo, hi});
    } else {
      w[0] = Math.min(w[0], lo);
      w[1] = Math.max(w[1], hi);
    }
  }
}
