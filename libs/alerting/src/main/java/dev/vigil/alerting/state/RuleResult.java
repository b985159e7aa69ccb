package dev.vigil.alerting.state;

import java.util.Map;

/** One sample of an alerting rule's expression result: the series' labels and its value. */
public record RuleResult(Map<String, String> labels, double value) {

  public RuleResult {
    labels = Map.copyOf(labels);
  }
}
