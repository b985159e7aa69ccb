package dev.vigil.state.alerting.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the dispatcher remembers of one group of alerts on one channel: when it appeared, when it was
 * last notified and which alerts (by fingerprint) that notification said were firing and resolved.
 */
public record NotificationGroupState(
    long channelId,
    String groupKey,
    Map<String, String> groupLabels,
    Instant firstSeenAt,
    Instant lastFlushAt,
    Set<Long> lastFiring,
    Set<Long> lastResolved) {

  public NotificationGroupState {
    groupLabels = Map.copyOf(groupLabels);
    lastFiring = Set.copyOf(lastFiring);
    lastResolved = Set.copyOf(lastResolved);
  }
}
