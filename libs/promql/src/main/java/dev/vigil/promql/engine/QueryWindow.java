package dev.vigil.promql.engine;

import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.DurationExpr;

/**
 * The query-wide constants every node needs: start, end and step (step 0 for instant queries),
 * lookback delta and the default subquery step, all in milliseconds.
 */
record QueryWindow(long start, long end, long step, long lookback, long defaultSubqueryStep) {

  long millis(DurationExpr d) {
    return d == null ? 0 : d.millis(step, end - start);
  }

  /** The time a selector or subquery reads at when evaluated at {@code t}: {@code @} then offset. */
  long reference(long t, AtModifier at, DurationExpr offset) {
    long base = at == null ? t : at.resolve(start, end);
    return base - millis(offset);
  }
}
