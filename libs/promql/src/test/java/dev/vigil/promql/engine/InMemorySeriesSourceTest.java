package dev.vigil.promql.engine;

import dev.vigil.promql.testkit.SeriesSourceContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SeriesSource contract over the in-memory source, one instance per project. */
class InMemorySeriesSourceTest extends SeriesSourceContract {

  private final Map<Long, InMemorySeriesSource> projects = new HashMap<>();

  @Override
  protected void store(long projectId, List<RawSeries> series) {
    InMemorySeriesSource source = projects.computeIfAbsent(projectId, p -> new InMemorySeriesSource());
    for (RawSeries s : series) {
      for (int i = 0; i < s.size(); i++) {
        source.add(s.labels(), s.timestamps()[i], s.values()[i]);
      }
    }
  }

  @Override
  protected SeriesSource source(long projectId, EngineOptions options) {
    return projects.getOrDefault(projectId, new InMemorySeriesSource());
  }
}
