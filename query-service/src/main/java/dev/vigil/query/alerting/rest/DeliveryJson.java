package dev.vigil.query.alerting.rest;

import dev.vigil.state.alerting.DeliveryEntry;
import java.time.Instant;

/** A notification in the delivery log. */
public record DeliveryJson(
    long id,
    long channelId,
    String channelName,
    String kind,
    String status,
    int attempts,
    int firing,
    int resolved,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt) {

  static DeliveryJson of(DeliveryEntry d) {
    return new DeliveryJson(
        d.id(), d.channelId(), d.channelName(), d.kind(), d.status(), d.attempts(), d.firing(), d.resolved(), d.lastStatusCode(), d.lastError(),
        d.createdAt(), d.nextAttemptAt(), d.sentAt());
  }
}
