package dev.vigil.promql.engine;

import dev.vigil.promql.ast.LabelMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link SeriesSource} held in memory; for tests and for small, local data sets. */
public final class InMemorySeriesSource implements SeriesSource {

  private final Map<Labels, SeriesBuilder> series = new LinkedHashMap<>();

  /** Appends a sample; samples of one series must be added in time order. */
  public void add(Labels labels, long timestampMillis, double value) {
    series.computeIfAbsent(labels, l -> new SeriesBuilder(l, false)).add(timestampMillis, value);
  }

  public void clear() {
    series.clear();
  }

  @Override
  public List<RawSeries> select(List<LabelMatcher> matchers, long minTime, long maxTime) {
    List<RawSeries> out = new ArrayList<>();
    for (Map.Entry<Labels, SeriesBuilder> e : series.entrySet()) {
      if (!matches(e.getKey(), matchers)) {
        continue;
      }
      Series all = e.getValue().build();
      long[] ts = all.timestamps();
      int from = Evaluator.lastAtOrBefore(ts, minTime - 1) + 1;
      int to = Evaluator.lastAtOrBefore(ts, maxTime);
      if (to < from) {
        continue;
      }
      out.add(
          new RawSeries(
              e.getKey(),
              Arrays.copyOfRange(ts, from, to + 1),
              Arrays.copyOfRange(all.values(), from, to + 1)));
    }
    return out;
  }

  private static boolean matches(Labels labels, List<LabelMatcher> matchers) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels.get(m.name()))) {
        return false;
      }
    }
    return true;
  }
}
