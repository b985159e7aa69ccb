package dev.vigil.alerting.rules;

import java.util.Map;
import java.util.Objects;

/** A Prometheus recording rule: the expression's result is stored as the series {@code record}. */
public record RecordingRule(String record, String expr, Map<String, String> labels) implements Rule {

  public RecordingRule {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(expr, "expr");
    labels = AlertingRule.sortedCopy(labels);
  }

  @Override
  public String name() {
    return record;
  }
}
