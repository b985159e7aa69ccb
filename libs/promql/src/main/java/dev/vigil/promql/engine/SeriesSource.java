package dev.vigil.promql.engine;

import dev.vigil.promql.ast.LabelMatcher;
import java.util.List;

/**
 * Where the engine reads series from. An implementation resolves the matchers (all must hold; a
 * missing label matches as "") and returns each matching series with its samples whose timestamps
 * lie in {@code [minTime, maxTime]} (Unix milliseconds). Series without samples in the window may
 * be omitted. The engine calls it once per selector per query, with the widest window it needs.
 */
public interface SeriesSource {

  List<RawSeries> select(List<LabelMatcher> matchers, long minTime, long maxTime);
}
