package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.engine.Labels;
import java.util.List;

/**
 * A PromQL selector's matchers as a condition on metric_series, values bound, never inlined.
 * {@code __name__} compares the {@code metric_name} column (the leading key after the project, so an
 * equality narrows the scan); other labels read the labels map, where a missing key reads as {@code ''}:
 * Prometheus's "an absent label matches as the empty string" for free. Regular expressions run on
 * ClickHouse's RE2, the engine Prometheus uses, anchored and with {@code .} matching newlines as
 * Prometheus does ({@code ^(?s:...)$}).
 */
final class MatcherConditions {

  private MatcherConditions() {}

  /** Appends {@code AND <condition>} per matcher. */
  static void append(StringBuilder sql, List<Object> params, List<LabelMatcher> matchers) {
    for (LabelMatcher m : matchers) {
      String subject;
      if (Labels.METRIC_NAME.equals(m.name())) {
        subject = "metric_name";
      } else {
        subject = "labels[?]";
        params.add(m.name());
      }
      sql.append(" AND ");
      switch (m.type()) {
        case EQUAL -> sql.append(subject).append(" = ?");
        case NOT_EQUAL -> sql.append(subject).append(" != ?");
        case REGEX -> sql.append("match(").append(subject).append(", ?)");
        case NOT_REGEX -> sql.append("NOT match(").append(subject).append(", ?)");
      }
      params.add(m.pattern() == null ? m.value() : "^(?s:" + m.value() + ")$");
    }
  }
}
