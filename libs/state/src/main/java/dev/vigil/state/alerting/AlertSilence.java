package dev.vigil.state.alerting;

import java.time.Instant;

/**
 * A stored silence: alerts whose labels match every matcher are not notified from {@code startsAt}
 * until (excluding) {@code endsAt}.
 *
 * @param matchers a Prometheus selector, e.g. {@code {alertname="HighErrorRate",env="prod"}}
 */
public record AlertSilence(
    long id, long projectId, String matchers, Instant startsAt, Instant endsAt, String comment, String createdBy, Instant createdAt) {

  /** active, pending (starts later) or expired, as Alertmanager names a silence's state. */
  public String state(Instant now) {
    if (!endsAt.isAfter(now)) {
      return "expired";
    }
    return startsAt.isAfter(now) ? "pending" : "active";
  }
}
