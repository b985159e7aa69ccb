package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.RawSeries;
import dev.vigil.promql.engine.SeriesSource;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The PromQL engine's view of one project's metrics in ClickHouse. Each selection is two statements:
 * the matchers are resolved on the series catalogue (metric_series, only the UTC days the window
 * touches), then the samples of those series in the window are streamed from metric_samples. The
 * query's limits are pushed down: the catalogue read stops at {@code maxSeries + 1} series and the
 * sample stream at {@code maxSamples + 1} samples, raising {@link dev.vigil.promql.engine.QueryLimitException};
 * past the deadline (if any) reads fail with PromQL's {@code timeout} error. Staleness markers are
 * returned with their bits. One instance serves one query (or several, sharing the deadline); calls
 * block on the network.
 */
public final class ClickHouseSeriesSource implements SeriesSource {

  private final long projectId;
  private final SelectionBudget budget;
  private final SelectMetricSeries series;
  private final SelectMetricSamples samples;

  /** A source with the limits of {@code options} and no deadline. */
  public ClickHouseSeriesSource(ClickHouseStorage storage, long projectId, EngineOptions options) {
    this(storage, projectId, options, null);
  }

  /** A source with the limits of {@code options} whose reads fail with a timeout after {@code deadline} (null: none). */
  public ClickHouseSeriesSource(ClickHouseStorage storage, long projectId, EngineOptions options, Instant deadline) {
    this.projectId = projectId;
    this.budget = new SelectionBudget(options.maxSeries(), options.maxSamples(), deadline);
    this.series = new SelectMetricSeries(storage);
    this.samples = new SelectMetricSamples(storage);
  }

  @Override
  public List<RawSeries> select(List<LabelMatcher> matchers, long minTime, long maxTime) {
    SeriesQuery query = new SeriesQuery(projectId, List.copyOf(matchers), minTime, maxTime);
    if (!query.canMatch()) {
      return List.of();
    }
    budget.checkDeadline();
    Map<Long, Labels> found = series.select(query, budget);
    if (found.isEmpty()) {
      return List.of();
    }
    return samples.select(query, found, budget);
  }
}
