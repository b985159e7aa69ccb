package dev.vigil.state.alerting;

import java.time.Instant;

/**
 * A notification in the delivery log.
 *
 * @param kind alert or test
 * @param status pending (not sent yet, or retried at {@code nextAttemptAt}), sent or failed (given up)
 * @param lastStatusCode the channel's last HTTP answer (or SMTP reply code), null before the first attempt
 */
public record DeliveryEntry(
    long id,
    long channelId,
    String channelName,
    long projectId,
    String groupKey,
    String kind,
    String status,
    int attempts,
    int firing,
    int resolved,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt) {}
