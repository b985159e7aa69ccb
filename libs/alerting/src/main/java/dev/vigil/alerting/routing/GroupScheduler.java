package dev.vigil.alerting.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a group of alerts is notified, with Alertmanager's dispatcher and dedup semantics: the first
 * notification goes out {@code groupWait} after the group's first alert fired; after that the group
 * is looked at on a {@code groupInterval} grid counted from its last notification, and notified on
 * the first tick after something changed: an alert fired that the last notification did not carry,
 * an alert resolved (if resolved alerts are sent), or every alert it carried resolved (recorded even
 * when resolved alerts are not sent, so the next firing counts as new). An unchanged firing group is
 * repeated on the first tick at or after {@code repeatInterval}. A group with nothing firing and
 * nothing left to say is over.
 *
 * <p>Pure: the caller passes the group's current alerts (silenced ones left out, resolved ones still
 * present, e.g. within the state machine's retention) and its stored {@link GroupState}, stores the
 * returned state, enqueues the notification, and calls again at {@code nextCheckAt} or whenever the
 * group's alerts change. Calling more often is harmless: a decision only depends on the inputs.
 *
 * <p>One deliberate difference: Alertmanager repeats only once the last notification is strictly
 * older than {@code repeatInterval}, which with the default intervals means 4h05m instead of 4h;
 * here the tick at exactly {@code repeatInterval} repeats.
 */
public final class GroupScheduler {

  private static final Comparator<Instant> TIME = Comparator.nullsFirst(Comparator.naturalOrder());

  private static final Comparator<NotifiableAlert> FIRING_ORDER =
      Comparator.comparing(NotifiableAlert::startsAt, TIME)
          .thenComparingLong(NotifiableAlert::fingerprint);

  private static final Comparator<NotifiableAlert> RESOLVED_ORDER =
      Comparator.comparing(NotifiableAlert::endsAt, TIME)
          .thenComparingLong(NotifiableAlert::fingerprint);

  private GroupScheduler() {}

  /** What to do with a group at {@code now}. */
  public static GroupDecision decide(
      NotificationPolicy policy, GroupState state, Collection<NotifiableAlert> alerts, Instant now) {
    Map<Long, NotifiableAlert> firing = new TreeMap<>();
    Map<Long, NotifiableAlert> resolved = new TreeMap<>();
    for (NotifiableAlert alert : alerts) {
      (alert.firing() ? firing : resolved).put(alert.fingerprint(), alert);
    }
    resolved.keySet().removeAll(firing.keySet());
    // resolved alerts dealt with before stay out of the group until they fire again or go away
    Set<Long> dealtWith = new TreeSet<>(state.lastResolved());
    dealtWith.retainAll(resolved.keySet());
    List<NotifiableAlert> newlyResolved = new ArrayList<>();
    for (NotifiableAlert alert : resolved.values()) {
      if (!dealtWith.contains(alert.fingerprint())) {
        newlyResolved.add(alert);
      }
    }
    GroupState current =
        new GroupState(state.firstSeenAt(), state.lastFlushAt(), state.lastFiring(), dealtWith);

    Instant due = dueAt(policy, current, firing.values(), newlyResolved);
    if (due == null) {
      return new GroupDecision(false, List.of(), current, null, true);
    }
    if (now.isBefore(due)) {
      return new GroupDecision(false, List.of(), current, due, false);
    }
    List<NotifiableAlert> send = new ArrayList<>(firing.values());
    send.sort(FIRING_ORDER);
    if (policy.sendResolved()) {
      newlyResolved.sort(RESOLVED_ORDER);
      send.addAll(newlyResolved);
    }
    GroupState flushed =
        new GroupState(state.firstSeenAt(), now, firing.keySet(), resolved.keySet());
    boolean over = firing.isEmpty();
    Instant next = over ? null : dueAt(policy, flushed, firing.values(), List.of());
    // all resolved with send_resolved off: nothing to send, but the state records the resolution
    return new GroupDecision(!send.isEmpty(), send, flushed, next, over);
  }

  /** When the group is next due for a notification if its alerts stay as they are; null: never. */
  private static Instant dueAt(
      NotificationPolicy policy,
      GroupState state,
      Collection<NotifiableAlert> firing,
      Collection<NotifiableAlert> newlyResolved) {
    if (state.lastFlushAt() == null) {
      if (firing.isEmpty()) {
        return null;
      }
      // group_wait counts from the oldest firing alert: after a restart or a silence that ended,
      // alerts that have waited long enough are not made to wait again
      Instant start = state.firstSeenAt();
      for (NotifiableAlert alert : firing) {
        if (alert.startsAt() != null && alert.startsAt().isBefore(start)) {
          start = alert.startsAt();
        }
      }
      return start.plus(policy.groupWait());
    }
    if (firing.isEmpty()) {
      if (state.lastFiring().isEmpty() || newlyResolved.isEmpty()) {
        // nothing the receiver knows of changed: alerts that fired and resolved between two
        // notifications are not news
        return null;
      }
      Instant lastResolution = null;
      for (NotifiableAlert alert : newlyResolved) {
        lastResolution = later(lastResolution, alert.endsAt());
      }
      return tick(policy, state, lastResolution);
    }
    Instant due = tick(policy, state, state.lastFlushAt().plus(policy.repeatInterval()));
    for (NotifiableAlert alert : firing) {
      if (!state.lastFiring().contains(alert.fingerprint())) {
        due = earlier(due, tick(policy, state, alert.startsAt()));
      }
    }
    if (policy.sendResolved()) {
      for (NotifiableAlert alert : newlyResolved) {
        due = earlier(due, tick(policy, state, alert.endsAt()));
      }
    }
    return due;
  }

  /** The first group-interval tick after the last notification that is not before {@code at}. */
  private static Instant tick(NotificationPolicy policy, GroupState state, Instant at) {
    Instant last = state.lastFlushAt();
    Duration interval = policy.groupInterval();
    if (at == null || !at.isAfter(last.plus(interval))) {
      return last.plus(interval);
    }
    long elapsed = Duration.between(last, at).toNanos();
    long ticks = Math.floorDiv(elapsed + interval.toNanos() - 1, interval.toNanos());
    return last.plus(interval.multipliedBy(ticks));
  }

  private static Instant earlier(Instant a, Instant b) {
    return b.isBefore(a) ? b : a;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
