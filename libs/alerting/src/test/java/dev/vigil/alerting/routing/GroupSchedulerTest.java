package dev.vigil.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.state.AlertFingerprint;
import dev.vigil.alerting.state.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupSchedulerTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private static Instant t(String offset) {
    return T0.plus(Duration.parse("PT" + offset.toUpperCase()));
  }

  private static NotifiableAlert firing(String instance, String since) {
    Map<String, String> labels = Map.of("alertname", "HighLatency", "instance", instance);
    return new NotifiableAlert(
        AlertFingerprint.of(labels), labels, Map.of(), AlertState.FIRING, t(since), null, null);
  }

  private static NotifiableAlert resolved(String instance, String since, String until) {
    Map<String, String> labels = Map.of("alertname", "HighLatency", "instance", instance);
    return new NotifiableAlert(
        AlertFingerprint.of(labels), labels, Map.of(), AlertState.INACTIVE, t(since), t(until), null);
  }

  private static NotificationPolicy policy(Duration repeat, boolean sendResolved) {
    return new NotificationPolicy(
        List.of("alertname"), Duration.ofSeconds(30), Duration.ofMinutes(5), repeat, sendResolved);
  }

  /** One group's life: each call decides at a time with the alerts then and keeps the state. */
  private static final class Group {
    private final NotificationPolicy policy;
    private GroupState state;

    Group(NotificationPolicy policy, String firstSeen) {
      this.policy = policy;
      this.state = GroupState.start(t(firstSeen));
    }

    GroupDecision at(String offset, NotifiableAlert... alerts) {
      GroupDecision decision = GroupScheduler.decide(policy, state, List.of(alerts), t(offset));
      state = decision.state();
      return decision;
    }
  }

  private static List<String> sent(GroupDecision decision) {
    return decision.alerts().stream()
        .map(a -> a.labels().get("instance") + (a.firing() ? " firing" : " resolved"))
        .toList();
  }

  @Test
  void followsAlertmanagersWaitIntervalAndRepeatOverATimeline() {
    Group group = new Group(policy(Duration.ofHours(1), true), "0s");

    GroupDecision waiting = group.at("0s", firing("a", "0s"));
    assertThat(waiting.flush()).isFalse();
    assertThat(waiting.nextCheckAt()).isEqualTo(t("30s"));
    // a second alert joining during group_wait does not restart it
    assertThat(group.at("10s", firing("a", "0s"), firing("b", "10s")).nextCheckAt()).isEqualTo(t("30s"));

    GroupDecision first = group.at("30s", firing("a", "0s"), firing("b", "10s"));
    assertThat(first.flush()).isTrue();
    assertThat(sent(first)).containsExactly("a firing", "b firing");
    assertThat(first.nextCheckAt()).isEqualTo(t("1h0m30s"));
    assertThat(group.state.lastFlushAt()).isEqualTo(t("30s"));

    // asking again at once changes nothing
    assertThat(group.at("30s", firing("a", "0s"), firing("b", "10s")).flush()).isFalse();

    // a new alert waits for the next group_interval tick after the last notification
    GroupDecision joined = group.at("1m", firing("a", "0s"), firing("b", "10s"), firing("c", "1m"));
    assertThat(joined.flush()).isFalse();
    assertThat(joined.nextCheckAt()).isEqualTo(t("5m30s"));
    GroupDecision second = group.at("5m30s", firing("a", "0s"), firing("b", "10s"), firing("c", "1m"));
    assertThat(sent(second)).containsExactly("a firing", "b firing", "c firing");

    // a resolution is notified on the tick after it, then it is no longer part of the group
    GroupDecision afterResolve =
        group.at("6m", resolved("a", "0s", "6m"), firing("b", "10s"), firing("c", "1m"));
    assertThat(afterResolve.nextCheckAt()).isEqualTo(t("10m30s"));
    GroupDecision third =
        group.at("10m30s", resolved("a", "0s", "6m"), firing("b", "10s"), firing("c", "1m"));
    assertThat(sent(third)).containsExactly("b firing", "c firing", "a resolved");
    GroupDecision quiet =
        group.at("15m30s", resolved("a", "0s", "6m"), firing("b", "10s"), firing("c", "1m"));
    assertThat(quiet.flush()).isFalse();
    assertThat(quiet.nextCheckAt()).isEqualTo(t("1h10m30s"));

    // unchanged and still firing: repeated after repeat_interval (the resolved one has gone)
    GroupDecision repeat = group.at("1h10m30s", firing("b", "10s"), firing("c", "1m"));
    assertThat(sent(repeat)).containsExactly("b firing", "c firing");

    // everything resolved: one last notification, then the group is over
    GroupDecision last =
        group.at("1h20m30s", resolved("b", "10s", "1h12m"), resolved("c", "1m", "1h13m"));
    assertThat(sent(last)).containsExactly("b resolved", "c resolved");
    assertThat(last.forget()).isTrue();
    assertThat(last.nextCheckAt()).isNull();
  }

  @Test
  void repeatIntervalRoundsUpToTheNextGroupIntervalTick() {
    Group group = new Group(policy(Duration.ofMinutes(62), true), "0s");
    group.at("30s", firing("a", "0s"));
    GroupDecision decision = group.at("1m", firing("a", "0s"));
    assertThat(decision.nextCheckAt()).isEqualTo(t("65m30s"));
    assertThat(group.at("62m30s", firing("a", "0s")).flush()).isFalse();
    assertThat(group.at("65m30s", firing("a", "0s")).flush()).isTrue();
  }

  @Test
  void withoutSendResolvedAResolutionIsNotNotifiedButTheGroupStillEnds() {
    Group group = new Group(policy(Duration.ofHours(4), false), "0s");
    group.at("30s", firing("a", "0s"), firing("b", "0s"));

    GroupDecision partly = group.at("6m", resolved("a", "0s", "6m"), firing("b", "0s"));
    assertThat(partly.flush()).isFalse();
    assertThat(partly.nextCheckAt()).isEqualTo(t("4h0m30s"));

    GroupDecision allResolved = group.at("7m", resolved("a", "0s", "6m"), resolved("b", "0s", "7m"));
    assertThat(allResolved.nextCheckAt()).isEqualTo(t("10m30s"));
    GroupDecision end = group.at("10m30s", resolved("a", "0s", "6m"), resolved("b", "0s", "7m"));
    assertThat(end.flush()).isFalse();
    assertThat(end.alerts()).isEmpty();
    assertThat(end.forget()).isTrue();
    assertThat(end.state().lastFiring()).isEmpty();
  }

  @Test
  void alertsThatFireAndResolveWithinGroupWaitAreNeverNotified() {
    Group group = new Group(policy(Duration.ofHours(4), true), "0s");
    group.at("0s", firing("a", "0s"));
    GroupDecision decision = group.at("20s", resolved("a", "0s", "20s"));
    assertThat(decision.flush()).isFalse();
    assertThat(decision.forget()).isTrue();
  }

  @Test
  void anAlertThatFiredLongAgoIsNotMadeToWaitAgain() {
    // the group appears late (a restart, a new channel, a silence that ended)
    Group group = new Group(policy(Duration.ofHours(4), true), "10m");
    GroupDecision decision = group.at("10m", firing("a", "0s"));
    assertThat(decision.flush()).isTrue();
    assertThat(sent(decision)).containsExactly("a firing");
  }

  @Test
  void aLateCallerNotifiesAtOnceAndTheGridMovesWithIt() {
    Group group = new Group(policy(Duration.ofHours(4), true), "0s");
    group.at("30s", firing("a", "0s"));
    GroupDecision late = group.at("12m", firing("a", "0s"), firing("b", "1m"));
    assertThat(late.flush()).isTrue();
    GroupDecision next = group.at("13m", firing("a", "0s"), firing("b", "1m"), firing("c", "13m"));
    assertThat(next.nextCheckAt()).isEqualTo(t("17m"));
  }

  @Test
  void anAlertThatResolvedAndFiresAgainIsNewAgain() {
    Group group = new Group(policy(Duration.ofHours(4), true), "0s");
    group.at("30s", firing("a", "0s"), firing("b", "0s"));
    group.at("5m30s", resolved("a", "0s", "2m"), firing("b", "0s"));
    assertThat(group.state.lastResolved()).hasSize(1);

    GroupDecision back = group.at("6m", firing("a", "6m"), firing("b", "0s"));
    assertThat(back.state().lastResolved()).isEmpty();
    assertThat(back.nextCheckAt()).isEqualTo(t("10m30s"));
    assertThat(sent(group.at("10m30s", firing("a", "6m"), firing("b", "0s"))))
        .containsExactly("b firing", "a firing");
  }

  @Test
  void resolvedAlertTheReceiverNeverSawFiringIsStillReportedWhileOthersFire() {
    // Alertmanager's dedup: a new resolved alert is news when the group has firing alerts
    Group group = new Group(policy(Duration.ofHours(4), true), "0s");
    group.at("30s", firing("a", "0s"));
    GroupDecision decision = group.at("5m30s", firing("a", "0s"), resolved("x", "1m", "2m"));
    assertThat(sent(decision)).containsExactly("a firing", "x resolved");
  }

  @Test
  void afterTheAllResolvedNotificationAnAlertThatCameAndWentIsNotNews() {
    // Alertmanager: when neither the group nor its last notification has firing alerts, the
    // receiver never knew of the ones resolved since
    Group group = new Group(policy(Duration.ofHours(4), true), "0s");
    group.at("30s", firing("a", "0s"));
    GroupDecision allResolved = group.at("5m30s", resolved("a", "0s", "1m"));
    assertThat(allResolved.forget()).isTrue();
    GroupDecision kept = group.at("12m", resolved("a", "0s", "1m"), resolved("x", "6m", "7m"));
    assertThat(kept.flush()).isFalse();
    assertThat(kept.forget()).isTrue();
  }

  @Test
  void groupWithNothingFiringAndNothingNewResolvedIsOver() {
    Group group = new Group(policy(Duration.ofHours(4), true), "0s");
    GroupDecision empty = group.at("1m");
    assertThat(empty.flush()).isFalse();
    assertThat(empty.forget()).isTrue();
  }
}
