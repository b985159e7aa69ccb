package dev.vigil.alerting.state;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the state machine needs to know about an alerting rule: its name (the {@code alertname}),
 * how long a result must persist before the alert fires, how long it keeps firing after the result
 * is gone, and the label and annotation templates. Null durations mean zero, null maps empty.
 */
public record AlertingRuleSpec(
    String name,
    Duration forDuration,
    Duration keepFiringFor,
    Map<String, String> labels,
    Map<String, String> annotations) {

  public AlertingRuleSpec {
    Objects.requireNonNull(name, "name");
    forDuration = forDuration == null ? Duration.ZERO : forDuration;
    keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
