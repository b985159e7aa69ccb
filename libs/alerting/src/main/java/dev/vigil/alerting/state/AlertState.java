package dev.vigil.alerting.state;

import java.util.Locale;

/** The state of one alert; INACTIVE with a {@code resolvedAt} is a resolved alert. */
public enum AlertState {
  PENDING,
  FIRING,
  INACTIVE;

  /** The lower-case name Prometheus uses in the {@code alertstate} label and its API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
