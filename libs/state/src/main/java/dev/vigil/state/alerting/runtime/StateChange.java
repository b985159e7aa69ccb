package dev.vigil.state.alerting.runtime;

import java.time.Instant;
import java.util.Map;

/** A line of an alert's history: it went from one state to another at a time, with the value then. */
public record StateChange(long fingerprint, Map<String, String> labels, String from, String to, double value, Instant at) {

  public StateChange {
    labels = Map.copyOf(labels);
  }
}
