package dev.vigil.alerting.routing;

import dev.vigil.alerting.state.ActiveAlert;
import dev.vigil.alerting.state.AlertState;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An alert as receivers see it, what Prometheus sends Alertmanager: firing since {@code startsAt},
 * or resolved ({@code INACTIVE}) at {@code endsAt}. Pending alerts are never notified.
 */
public record NotifiableAlert(
    long fingerprint,
    Map<String, String> labels,
    Map<String, String> annotations,
    AlertState state,
    Instant startsAt,
    Instant endsAt,
    String generatorUrl) {

  public NotifiableAlert {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
    Objects.requireNonNull(state, "state");
    if (state == AlertState.PENDING) {
      throw new IllegalArgumentException("a pending alert is not notified");
    }
  }

  /**
   * The alert a firing or resolved alert of the state machine is notified as ({@code startsAt} is
   * when it fired, as Prometheus sends it); {@code null} for a pending one or one that never fired.
   */
  public static NotifiableAlert of(ActiveAlert alert, String generatorUrl) {
    if (alert.state() == AlertState.PENDING || alert.firedAt() == null) {
      return null;
    }
    Instant endsAt = alert.state() == AlertState.FIRING ? null : alert.resolvedAt();
    return new NotifiableAlert(
        alert.fingerprint(), alert.labels(), alert.annotations(), alert.state(), alert.firedAt(),
        endsAt, generatorUrl);
  }

  public boolean firing() {
    return state == AlertState.FIRING;
  }

  public boolean resolved() {
    return state == AlertState.INACTIVE;
  }
}
