package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.ast.LabelMatcher;
import java.util.List;

/**
 * Several PromQL selectors (the {@code match[]} of Prometheus's metadata endpoints) as one condition
 * on metric_series: the selectors are alternatives, the matchers of one selector must all hold
 * (each translated by {@link MatcherConditions}, as the PromQL engine's reads are).
 */
final class SeriesSelectors {

  private SeriesSelectors() {}

  /** Appends {@code AND (...)} for the selectors; nothing when there are none (every series). */
  static void append(StringBuilder sql, List<Object> params, List<List<LabelMatcher>> selectors) {
    if (selectors == null || selectors.isEmpty()) {
      return;
    }
    sql.append(" AND (");
    for (int s = 0; s < selectors.size(); s++) {
      sql.append(s == 0 ? "(1" : " OR (1");
      MatcherConditions.append(sql, params, selectors.get(s));
      sql.append(')');
    }
    sql.append(')');
  }
}
