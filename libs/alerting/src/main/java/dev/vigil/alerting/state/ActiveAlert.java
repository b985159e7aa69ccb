package dev.vigil.alerting.state;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert of an alerting rule, identified by its labels ({@code alertname} included). {@code
 * activeAt} is when its result appeared, {@code firedAt} when it started firing, {@code resolvedAt}
 * when it stopped (an INACTIVE alert with it set is a resolved one), {@code keepFiringSince} when its
 * result vanished while {@code keep_firing_for} holds it firing.
 */
public record ActiveAlert(
    Map<String, String> labels,
    Map<String, String> annotations,
    AlertState state,
    double value,
    Instant activeAt,
    Instant firedAt,
    Instant resolvedAt,
    Instant keepFiringSince,
    Instant lastEvaluatedAt) {

  public ActiveAlert {
    labels = sortedCopy(labels);
    annotations = sortedCopy(annotations);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(activeAt, "activeAt");
  }

  /** The alert's identity: Prometheus's {@code labels.Hash()} of its labels. */
  public long fingerprint() {
    return AlertFingerprint.of(labels);
  }

  /** A resolved alert: it fired and then stopped. */
  public boolean resolved() {
    return state == AlertState.INACTIVE && resolvedAt != null;
  }

  ActiveAlert withState(AlertState newState, Instant newFiredAt, Instant newResolvedAt) {
    return new ActiveAlert(
        labels, annotations, newState, value, activeAt, newFiredAt, newResolvedAt, keepFiringSince,
        lastEvaluatedAt);
  }

  ActiveAlert seen(double newValue, Map<String, String> newAnnotations, Instant now) {
    return new ActiveAlert(
        labels, newAnnotations, state, newValue, activeAt, firedAt, resolvedAt, null, now);
  }

  ActiveAlert keptFiring(Instant since, Instant now) {
    return new ActiveAlert(
        labels, annotations, state, value, activeAt, firedAt, resolvedAt, since, now);
  }

  static SortedMap<String, String> sortedCopy(Map<String, String> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
  }
}
