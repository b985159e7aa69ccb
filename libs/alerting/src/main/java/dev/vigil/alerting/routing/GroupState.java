package dev.vigil.alerting.routing;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the dispatcher remembers of one group of one channel (Alertmanager's notification log entry):
 * when the group appeared, when it was last notified ({@code null}: never), the firing alerts that
 * notification carried, and the resolved alerts already dealt with (notified, or dropped unsent when
 * {@code send_resolved} is off), which are therefore no longer part of the group.
 */
public record GroupState(
    Instant firstSeenAt, Instant lastFlushAt, Set<Long> lastFiring, Set<Long> lastResolved) {

  public GroupState {
    Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    lastFiring = Collections.unmodifiableSortedSet(new TreeSet<>(lastFiring));
    lastResolved = Collections.unmodifiableSortedSet(new TreeSet<>(lastResolved));
  }

  /** A group seen for the first time. */
  public static GroupState start(Instant firstSeenAt) {
    return new GroupState(firstSeenAt, null, Set.of(), Set.of());
  }
}
