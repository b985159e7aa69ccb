package dev.vigil.query.alerting.rest;

import dev.vigil.state.alerting.AlertSilence;
import java.time.Instant;

/** A silence as the API answers it; {@code state} is active, pending or expired. */
public record SilenceJson(
    long id, String matchers, Instant startsAt, Instant endsAt, String comment, String createdBy, Instant createdAt, String state) {

  static SilenceJson of(AlertSilence s, Instant now) {
    return new SilenceJson(s.id(), s.matchers(), s.startsAt(), s.endsAt(), s.comment(), s.createdBy(), s.createdAt(), s.state(now));
  }
}
