package dev.vigil.alerting.state;

import java.time.Instant;
import java.util.Map;

/** One state change of one alert, as the history shows it. */
public record Transition(
    long fingerprint,
    Map<String, String> labels,
    AlertState from,
    AlertState to,
    double value,
    Instant at) {

  public Transition {
    labels = ActiveAlert.sortedCopy(labels);
  }
}
