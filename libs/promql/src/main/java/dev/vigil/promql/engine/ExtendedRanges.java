package dev.vigil.promql.engine;

import dev.vigil.promql.ast.MatrixSelector;
import java.util.List;

/** Prometheus's experimental {@code anchored} and {@code smoothed} range selectors (not yet supported). */
final class ExtendedRanges {

  private ExtendedRanges() {}

  static boolean isExtended(MatrixSelector ms) {
    return ms.anchored() || ms.smoothed();
  }

  static RangeVector select(Evaluator ev, MatrixSelector ms, List<RawSeries> data, long t) {
    throw PromqlException.execution("anchored and smoothed range selectors are not supported");
  }
}
