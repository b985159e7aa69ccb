package dev.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.e2e.AlertServiceReplicas.Replica;
import dev.vigil.e2e.JavaOtelService.Protocol;
import dev.vigil.testsupport.capture.CapturedRequest;
import dev.vigil.testsupport.capture.NotificationCaptureServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two packaged alert-service replicas on one PostgreSQL database, a Prometheus rule that fires on a gauge
 * exported with the OpenTelemetry Java SDK, and a Discord channel (the local {@link NotificationCaptureServer}):
 * <ol>
 *   <li>the rule fires: one message, not one per replica;
 *   <li>the replica that leads (holds the evaluator lease) is killed with SIGKILL while the alert fires, so it
 *       cannot release the lease: the other replica takes over once the lease has expired, carries on with the
 *       alert and the channel's group as PostgreSQL holds them, and sends nothing again;
 *   <li>the gauge drops: one resolved message.
 * </ol>
 * Which replica to kill: whichever leads when the alert fires, found through what each reports on
 * {@code /q/metrics} ({@code vigil_alerting_leader}). That is nearly always the suite's own alert-service, which has
 * held the lease since the suite started (the second replica, started by this test, waits for the lease). Making
 * the second one lead first would mean stopping the suite's one anyway, so the test does not try: it kills the
 * leader, whichever it is, and starts the killed replica again (same replica id, port and log) once the survivor
 * leads — two replicas again for the resolution, and the suite's alert-service back for the test classes after
 * this one. The second replica is stopped (SIGTERM, releasing the lease) at the end.
 *
 * <p>Timing: waits are generous (a loaded 2-core machine runs eight JVMs here) and the assertions count messages
 * instead of timing them; "nothing more" is checked after several of the channel's 2 s group intervals.
 */
@ExtendWith(StackServices.class)
class AlertServiceReplicasTest {

  private static final String RULES =
      """
      groups:
        - name: payments-workers
          interval: 2s
          rules:
            - alert: SettlementBacklogHigh
              expr: max by (queue) (payments_queue_depth) > 100
              for: 4s
              labels:
                severity: critical
                team: payments
              annotations:
                summary: "Queue {{ $labels.queue }} has {{ $value }} payments waiting"
      """;
  private static final String ALERT = "SettlementBacklogHigh";
  /** One replica leads, a survivor takes over: the 3 s lease, renewed every second, on a loaded machine. */
  private static final Duration LEADER_WITHIN = Duration.ofSeconds(60);
  /** From the first export: OTLP to ClickHouse, the group's 2 s interval, `for: 4s`, the channel's group wait. */
  private static final Duration FIRING_WITHIN = Duration.ofSeconds(90);
  private static final Duration RESOLVED_WITHIN = Duration.ofSeconds(90);
  /**
   * How long nothing more may arrive: a second notification would have come by then — a forgotten alert firing
   * anew (2 s interval, `for: 4s`, 1 s group wait), a forgotten group flushing again (1 s group wait, 2 s group
   * interval), or a delivery sent twice (polled every second by each replica).
   */
  private static final Duration QUIET = Duration.ofSeconds(12);

  @Test
  void twoReplicasNotifyOnceAndTheSurvivorOfTheLeadersDeathNeitherRepeatsNorForgetsTheFiringAlert(
      VigilApi api, AlertServiceReplicas replicas) throws Exception {
    TestProject project = api.createProject("java-otel");
    ProjectAlerting alerting = new ProjectAlerting(api, project.id());
    Replica suite = replicas.suiteReplica();
    Replica second = replicas.start("e2e-second-" + UUID.randomUUID().toString().substring(0, 8));
    List<Replica> both = List.of(suite, second);
    AtomicLong settlementsWaiting = new AtomicLong(900);
    try (NotificationCaptureServer hooks = NotificationCaptureServer.start()) {
      awaitSoleLeader(both, "before the test");
      alerting.putRuleFile("payments", RULES);
      String path = "/discord/" + project.id() + "/" + UUID.randomUUID();
      long channelId =
          alerting.createChannel(
                  Map.of(
                      "name", "#payments-oncall",
                      "type", "discord",
                      "settings", Map.of("url", hooks.url(path)),
                      "groupBy", List.of("alertname"),
                      "groupWaitSeconds", 1,
                      "groupIntervalSeconds", 2,
                      "repeatIntervalSeconds", 3600,
                      "sendResolved", true))
              .path("id").asLong();

      try (JavaOtelService payments =
          JavaOtelService.start(
              "payments", Protocol.HTTP_PROTOBUF, api.otlp(), OtlpEndpoints.authorization(project), Duration.ofSeconds(1))) {
        payments.meter().gaugeBuilder("payments.queue.depth").ofLongs()
            .buildWithCallback(m -> m.record(settlementsWaiting.get(), Attributes.of(AttributeKey.stringKey("queue"), "settlements")));
        Failure failure = new Failure(hooks, path, alerting, payments, both);

        // 1. Two replicas, one message.
        CapturedRequest firing = failure.await(1, FIRING_WITHIN).get(0);
        assertThat(firing.rejected()).as("Discord would refuse it: %s", firing.rejection()).isFalse();
        assertThat(VigilApi.parse(firing.body()).path("content").asText()).contains("[FIRING:1] " + ALERT);
        Thread.sleep(QUIET.toMillis());
        assertThat(hooks.requests(path)).as("two replicas, one message%s", failure).hasSize(1);
        // Sent and recorded as sent before the kill: a replica killed between a webhook's answer and that record
        // would leave the delivery to be retried (at least once, never lost), which is not what this test is about.
        JsonNode delivery = awaitSentDeliveries(alerting, channelId, 1, failure).get(0);
        assertThat(delivery.path("firing").asInt()).isEqualTo(1);
        JsonNode before = firingAlert(alerting, failure);

        // 2. The leader dies without a word; the other takes over and neither repeats nor forgets the alert.
        Replica leader = awaitSoleLeader(both, "while " + ALERT + " fires");
        Replica survivor = leader == suite ? second : suite;
        Instant killedAt = Instant.now();
        leader.kill();
        Awaitility.await("the survivor " + survivor + " takes the lease over from the killed " + leader)
            .atMost(LEADER_WITHIN).pollInterval(Duration.ofMillis(250))
            .until(survivor::leads);
        Instant takenOverAt = Instant.now();
        System.out.printf(
            "%s killed at %s; %s leads %d ms later%n", leader.id(), killedAt, survivor.id(), Duration.between(killedAt, takenOverAt).toMillis());
        Awaitility.await("the survivor evaluates the rule group")
            .atMost(LEADER_WITHIN).pollInterval(Duration.ofMillis(500))
            .until(() -> lastEvaluation(alerting), at -> at != null && at.isAfter(killedAt));
        Thread.sleep(QUIET.toMillis());
        assertThat(hooks.requests(path)).as("the survivor sends nothing again%s", failure).hasSize(1);
        JsonNode after = firingAlert(alerting, failure);
        assertThat(after.path("activeAt").asText())
            .as("the survivor carries on with the alert PostgreSQL holds, instead of starting it over")
            .isEqualTo(before.path("activeAt").asText());
        assertThat(after.path("firedAt").asText()).isEqualTo(before.path("firedAt").asText());
        leader.restart();

        // 3. The gauge drops: one resolved message, with two replicas again.
        settlementsWaiting.set(3);
        CapturedRequest resolved = failure.await(2, RESOLVED_WITHIN).get(1);
        assertThat(resolved.rejected()).as("Discord would refuse it: %s", resolved.rejection()).isFalse();
        assertThat(VigilApi.parse(resolved.body()).path("content").asText()).contains("[RESOLVED] " + ALERT);
        Thread.sleep(QUIET.toMillis());
        assertThat(hooks.requests(path)).as("fired once, resolved once%s", failure).hasSize(2);
        List<JsonNode> deliveries = awaitSentDeliveries(alerting, channelId, 2, failure);
        assertThat(deliveries)
            .as("the delivery log, newest first: firing/resolved alerts of each notification%s", failure)
            .extracting(d -> d.path("firing").asInt() + "/" + d.path("resolved").asInt())
            .containsExactly("0/1", "1/0");
        assertThat(VigilApi.elements(alerting.alerts("resolved")))
            .anySatisfy(a -> assertThat(a.path("ruleName").asText()).isEqualTo(ALERT));
        payments.flush();
      }
    } finally {
      alerting.removeCreated();
      second.process().close();
      if (!suite.process().isAlive()) {
        // Killed, and the test failed before it started it again: the test classes after this one need it.
        suite.restart();
      }
    }
  }

  /** Waits until exactly one of {@code replicas} says it leads; fails naming what each says when none or both do. */
  private static Replica awaitSoleLeader(List<Replica> replicas, String when) {
    try {
      return Awaitility.await("exactly one alert-service replica leads " + when)
          .atMost(LEADER_WITHIN).pollInterval(Duration.ofMillis(250))
          .until(() -> replicas.stream().filter(Replica::leads).toList(), leaders -> leaders.size() == 1)
          .get(0);
    } catch (ConditionTimeoutException e) {
      StringBuilder state = new StringBuilder(e.getMessage());
      for (Replica replica : replicas) {
        state.append("\n").append(replica).append(" leads: ").append(replica.leads()).append("; log tail:\n")
            .append(replica.process().logTail());
      }
      state.append("\n(neither leading: an alert-service of another test run on the same database holds the lease?)");
      throw new AssertionError(state.toString(), e);
    }
  }

  private static JsonNode firingAlert(ProjectAlerting alerting, Failure failure) {
    return VigilApi.elements(alerting.alerts("firing")).stream()
        .filter(a -> a.path("ruleName").asText().equals(ALERT)).findFirst()
        .orElseThrow(() -> new AssertionError(ALERT + " is not listed as firing" + failure));
  }

  /** When alert-service last evaluated the project's (only) rule group, as the API reports it. */
  private static Instant lastEvaluation(ProjectAlerting alerting) {
    JsonNode group = alerting.ruleGroups().path(0);
    String at = group.path("lastEvaluationAt").asText(null);
    return at == null || at.isEmpty() ? null : Instant.parse(at);
  }

  /** The channel's deliveries, newest first, once {@code n} of them are recorded as sent. */
  private static List<JsonNode> awaitSentDeliveries(ProjectAlerting alerting, long channelId, int n, Failure failure) {
    try {
      return Awaitility.await(n + " deliveries recorded as sent")
          .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(
              () -> VigilApi.elements(alerting.deliveries(channelId)),
              ds -> ds.size() >= n && ds.stream().allMatch(d -> d.path("status").asText().equals("sent")));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + failure, e);
    }
  }

  /** What to show when a count is off: the messages received, what Vigil says, failed exports, the replicas' logs. */
  private record Failure(
      NotificationCaptureServer hooks, String path, ProjectAlerting alerting, JavaOtelService exporter, List<Replica> replicas) {

    List<CapturedRequest> await(int n, Duration within) throws InterruptedException {
      try {
        return hooks.awaitRequests(path, n, within);
      } catch (AssertionError missing) {
        throw new AssertionError(missing.getMessage() + this, missing);
      }
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("\nmessages received:");
      for (CapturedRequest r : hooks.requests(path)) {
        out.append("\n  ").append(r.receivedAt()).append(" → ").append(r.status()).append(' ').append(r.body());
      }
      out.append("\nfailed OTLP exports: ").append(exporter.exportFailures());
      out.append(alerting.describe());
      for (Replica replica : replicas) {
        out.append("\nreplica ").append(replica).append(replica.process().isAlive() ? "" : " (not running)");
      }
      return out.toString();
    }
  }
}
