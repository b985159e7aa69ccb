package dev.vigil.alerting.state;

import java.util.Map;

/** One point of a synthetic alert series: the metric name, the other labels, and the value. */
public record AlertSample(String metric, Map<String, String> labels, double value) {

  public AlertSample {
    labels = ActiveAlert.sortedCopy(labels);
  }
}
