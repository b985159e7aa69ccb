package dev.vigil.alerting.rules;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Prometheus alerting rule. Labels and annotations may hold templates ({@code $labels},
 * {@code $value}); they are kept as written and expanded per alert. Null durations mean zero, null
 * maps empty; maps are copied into sorted, unmodifiable maps so that equal rules compare equal.
 */
public record AlertingRule(
    String alert,
    String expr,
    Duration forDuration,
    Duration keepFiringFor,
    Map<String, String> labels,
    Map<String, String> annotations)
    implements Rule {

  public AlertingRule {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(expr, "expr");
    forDuration = forDuration == null ? Duration.ZERO : forDuration;
    keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
    labels = sortedCopy(labels);
    annotations = sortedCopy(annotations);
  }

  @Override
  public String name() {
    return alert;
  }

  static SortedMap<String, String> sortedCopy(Map<String, String> map) {
    return map == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
