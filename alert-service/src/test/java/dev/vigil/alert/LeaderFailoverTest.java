package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.leader.LeaderElection;
import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.PostgresStack;
import dev.vigil.testsupport.capture.NotificationCaptureServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restart or a failover while an alert fires: another replica holds the lease for a while, then this
 * one takes over again with empty memory and reloads alerts and notification groups from PostgreSQL. The
 * firing alert is neither notified a second time nor forgotten: its resolution is still notified once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseStack.class)
class LeaderFailoverTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject AlertingFixture fixture;
  @Inject LeaderElection leader;

  NotificationCaptureServer capture;
  long project;

  @BeforeEach
  void start() {
    capture = NotificationCaptureServer.start();
    project = fixture.project();
  }

  @AfterEach
  void stop() {
    capture.close();
  }

  @Test
  void aFiringAlertSurvivesLeadershipMovingAwayAndBackWithoutASecondNotification() throws Exception {
    fixture.gauge(project, "up", Map.of("job", "payments"), 0);
    String path = "/discord/down-" + project;
    fixture.channel(project, "discord", new JsonObject().put("url", capture.url(path)), "");
    fixture.ruleGroup(project, "availability", 1, """
        [{"alert": "ServiceDown", "expr": "up == 0", "labels": {"severity": "critical"}}]""");
    capture.awaitRequests(path, 1, WAIT);

    long term = leader.term();
    fixture.sql("UPDATE alerting_leases SET owner = 'another-replica', expires_at = now() + interval '3 seconds' WHERE name = $1", LeaderElection.LEASE);
    AlertingFixture.eventually(WAIT, "leadership regained after the other replica's lease expired", () -> leader.isLeader() && leader.term() > term);
    Thread.sleep(3000);
    assertThat(capture.requests(path)).as("the firing alert is not announced again").hasSize(1);

    fixture.gauge(project, "up", Map.of("job", "payments"), 1);
    assertThat(capture.awaitRequests(path, 2, WAIT).get(1).body()).contains("RESOLVED");
  }
}
