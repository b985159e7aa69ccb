package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.PostgresStack;
import dev.vigil.testsupport.capture.CapturedRequest;
import dev.vigil.testsupport.capture.NotificationCaptureServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Error rules: a new issue pings the channel at once, one message per issue linking to it; an issue
 * that keeps happening (at least N events in the window, counted in ClickHouse) fires a frequency alert
 * carrying the count.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseStack.class)
class ErrorRuleNotificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject AlertingFixture fixture;
  @Inject ClickHouseStorage storage;

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
  void aNewIssueIsNotifiedAtOnceWithALinkToIt() throws Exception {
    String path = "/discord/new-" + project;
    fixture.channel(project, "discord", new JsonObject().put("url", capture.url(path)), "");
    fixture.errorRule(project, "New issue", "new_issue", 1, 60);
    long issue = fixture.issue(project, "ZeroDivisionError: division by zero", "error");

    CapturedRequest request = capture.awaitRequests(path, 1, WAIT).get(0);
    assertThat(request.rejected()).as(request.rejection()).isFalse();
    JsonNode embed = JSON.readTree(request.body()).get("embeds").get(0);
    assertThat(embed.toString()).contains("ZeroDivisionError: division by zero");
    assertThat(embed.get("url").asText()).isEqualTo("http://vigil.test/projects/" + project + "/issues/" + issue);
    long second = fixture.issue(project, "KeyError: 'user'", "error");
    assertThat(capture.awaitRequests(path, 2, WAIT).get(1).body()).contains("KeyError").contains("/issues/" + second);
  }

  @Test
  void anIssueSeenOftenEnoughFiresAFrequencyAlertWithItsCount() throws Exception {
    String path = "/slack/frequent-" + project;
    fixture.channel(project, "slack", new JsonObject().put("url", capture.url(path)), "");
    long issue = fixture.issue(project, "TimeoutError: upstream", "error");
    fixture.errorRule(project, "Frequent", "frequency", 5, 300);
    events(issue, 4);
    Thread.sleep(2500);
    assertThat(capture.requests(path)).as("4 events are under the threshold of 5").isEmpty();

    events(issue, 2);
    CapturedRequest request = capture.awaitRequests(path, 1, WAIT).get(0);
    assertThat(request.body()).contains("Frequent").contains("TimeoutError: upstream");
    assertThat(fixture.rows("SELECT value FROM alert_instances WHERE project_id = $1 AND state = 'firing'", project).get(0).getDouble(0))
        .isEqualTo(6.0);
  }

  private void events(long issue, int n) throws Exception {
    try (Connection c = storage.connection();
        PreparedStatement ps = c.prepareStatement(storage.qualify(
            "INSERT INTO ${database}.events (project_id, issue_id, event_id, timestamp, received_at, level, environment) VALUES (?, ?, ?, now64(9), now64(3), 'error', 'production')"))) {
      for (int i = 0; i < n; i++) {
        ps.setLong(1, project);
        ps.setLong(2, issue);
        ps.setString(3, UUID.randomUUID().toString());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
