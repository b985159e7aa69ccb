package dev.vigil.query.alerting.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.alerting.ChannelDocuments;
import dev.vigil.state.alerting.NotificationChannel;
import java.time.Instant;
import java.util.List;

/** A notification channel as the API answers it: webhook URLs masked, a webhook's secret never included. */
public record ChannelJson(
    long id,
    String name,
    String type,
    ObjectNode settings,
    String matchers,
    List<String> groupBy,
    int groupWaitSeconds,
    int groupIntervalSeconds,
    int repeatIntervalSeconds,
    boolean sendResolved,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

  static ChannelJson of(NotificationChannel c) {
    return new ChannelJson(
        c.id(), c.name(), c.type(), ChannelDocuments.maskedSettings(c), c.matchers(), c.groupBy(), c.groupWaitSeconds(), c.groupIntervalSeconds(),
        c.repeatIntervalSeconds(), c.sendResolved(), c.enabled(), c.createdAt(), c.updatedAt());
  }
}
