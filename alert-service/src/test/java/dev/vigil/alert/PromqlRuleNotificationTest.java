package dev.vigil.alert;

import static dev.vigil.alert.AlertingFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.Vector;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.metrics.ClickHouseSeriesSource;
import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.PostgresStack;
import dev.vigil.testsupport.capture.CapturedRequest;
import dev.vigil.testsupport.capture.NotificationCaptureServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Prometheus alerting rule over a project's metrics, end to end inside alert-service: the queue
 * backlog crosses the threshold, the alert goes pending then firing (after its {@code for}), a
 * Discord-shaped webhook gets a red FIRING embed with the templated summary; the backlog drains and the
 * same channel gets a green RESOLVED one. Recording rules and ALERTS are written back as series.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseStack.class)
class PromqlRuleNotificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

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
  void aBacklogFiresAfterItsForDurationAndResolvesWhenItDrains() throws Exception {
    fixture.gauge(project, "queue_depth", Map.of("queue", "emails"), 500);
    String path = "/discord/backlog-" + project;
    fixture.channel(project, "discord", new JsonObject().put("url", capture.url(path)), "{severity=\"critical\"}");
    long group = fixture.ruleGroup(project, "queues", 1, """
        [{"record": "queue:depth:max", "expr": "max by (queue) (queue_depth)"},
         {"alert": "QueueBacklog", "expr": "queue:depth:max > 100", "for": "2s",
          "labels": {"severity": "critical"},
          "annotations": {"summary": "Queue {{ $labels.queue }} has {{ $value }} messages waiting"}}]""");

    CapturedRequest firing = capture.awaitRequests(path, 1, WAIT).get(0);
    assertThat(firing.rejected()).as(firing.rejection()).isFalse();
    JsonNode embed = JSON.readTree(firing.body()).get("embeds").get(0);
    assertThat(embed.get("title").asText()).contains("FIRING").contains("QueueBacklog");
    assertThat(embed.get("description").asText()).contains("Queue emails has 500 messages waiting");
    assertThat(embed.get("color").asInt()).isEqualTo(0xE5484D);
    assertThat(embed.get("url").asText()).isEqualTo("http://vigil.test/projects/" + project + "/alerts");

    String ruleKey = "group:" + group + "/1/QueueBacklog";
    assertThat(fixture.rows("SELECT to_state FROM alert_history WHERE rule_key = $1 ORDER BY id", ruleKey))
        .extracting(r -> r.getString(0))
        .startsWith("pending", "firing");
    assertThat(series("ALERTS{alertname=\"QueueBacklog\", alertstate=\"firing\", queue=\"emails\"}")).isEqualTo(1.0);
    assertThat(series("queue:depth:max{queue=\"emails\"}")).isEqualTo(500.0);

    fixture.gauge(project, "queue_depth", Map.of("queue", "emails"), 3);

    List<CapturedRequest> both = capture.awaitRequests(path, 2, WAIT);
    JsonNode resolved = JSON.readTree(both.get(1).body()).get("embeds").get(0);
    assertThat(resolved.get("title").asText()).contains("RESOLVED");
    assertThat(resolved.get("color").asInt()).isEqualTo(0x30A46C);
    eventually(WAIT, "the alert is stored as resolved",
        () -> fixture.rows("SELECT state FROM alert_instances WHERE rule_key = $1", ruleKey).stream().allMatch(r -> r.getString(0).equals("resolved")));
    assertThat(capture.requests(path)).as("no repeat while nothing changes").hasSize(2);
  }

  @Test
  void aSilencedAlertIsNotNotifiedAndAChannelOnlyTakesTheAlertsItsMatchersSelect() throws Exception {
    fixture.gauge(project, "disk_free_ratio", Map.of("mount", "/data"), 0.02);
    fixture.gauge(project, "disk_free_ratio", Map.of("mount", "/logs"), 0.03);
    String pages = "/discord/pages-" + project;
    String chat = "/slack/chat-" + project;
    fixture.channel(project, "discord", new JsonObject().put("url", capture.url(pages)), "{severity=\"page\"}");
    fixture.channel(project, "slack", new JsonObject().put("url", capture.url(chat)), "");
    fixture.sql("INSERT INTO alert_silences (project_id, matchers, starts_at, ends_at, comment) VALUES ($1, $2, now() - interval '1 minute', now() + interval '1 hour', 'maintenance')",
        project, "{mount=\"/logs\"}");
    fixture.ruleGroup(project, "disks", 1, """
        [{"alert": "DiskAlmostFull", "expr": "disk_free_ratio < 0.05", "labels": {"severity": "ticket"}}]""");

    CapturedRequest slack = capture.awaitRequests(chat, 1, WAIT).get(0);
    assertThat(slack.rejected()).as(slack.rejection()).isFalse();
    assertThat(slack.body()).contains("/data").doesNotContain("/logs");
    Thread.sleep(2000);
    assertThat(capture.requests(pages)).as("severity=ticket does not page").isEmpty();
    assertThat(capture.requests(chat)).hasSize(1);
  }

  private double series(String selector) {
    EngineOptions options = EngineOptions.defaults();
    Engine engine = new Engine(new ClickHouseSeriesSource(storage, project, options, Instant.now().plusSeconds(10)), options);
    Vector v = (Vector) engine.instantQuery(selector, Instant.now().toEpochMilli());
    assertThat(v.samples()).as(selector).hasSize(1);
    return v.samples().get(0).value();
  }
}
