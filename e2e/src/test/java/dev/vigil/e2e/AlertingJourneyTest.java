package dev.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.e2e.JavaOtelService.Protocol;
import dev.vigil.testsupport.capture.CapturedRequest;
import dev.vigil.testsupport.capture.NotificationCaptureServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alerting end to end, with the packaged services and real SDKs, notifications going to a local stand-in for
 * Discord and Slack that refuses what they would refuse ({@link NotificationCaptureServer}):
 * a new error raised through @sentry/node reaches a Discord channel within 10 s; a gauge exported with the
 * OpenTelemetry Java SDK crosses the threshold of a rule imported from a Prometheus rules.yml, and a Slack
 * channel is told it fires, then that it resolved.
 */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertingJourneyTest {

  /** The promise of issue 6: from the SDK sending a new error to the message in Discord. */
  private static final Duration NEW_ISSUE_ALERT_WITHIN = Duration.ofSeconds(10);
  /** From the first exported point: OTLP to ClickHouse, the rule's 2 s interval and 5 s `for`, Slack's group wait. */
  private static final Duration FIRING_WITHIN = Duration.ofSeconds(60);
  private static final Duration RESOLVED_WITHIN = Duration.ofSeconds(60);
  private static final String LEDGER_ERROR = "LedgerMismatchError: ledger of account acct-0042 is off by 13 cents";

  private VigilApi api;
  private NotificationCaptureServer hooks;
  private final List<ProjectAlerting> used = new ArrayList<>();

  @BeforeAll
  void startCaptureServer(VigilApi api) {
    this.api = api;
    hooks = NotificationCaptureServer.start();
  }

  @AfterEach
  void removeChannelsAndRules() {
    used.forEach(ProjectAlerting::removeCreated);
    used.clear();
  }

  @AfterAll
  void stopCaptureServer() {
    if (hooks != null) {
      hooks.close();
    }
  }

  @Test
  void aNewErrorRaisedWithSentryReachesDiscordWithinTenSeconds() throws Exception {
    Path scripts = SdkScript.repoRoot().resolve("e2e/node");
    assertThat(scripts.resolve("node_modules/@sentry/node"))
        .as("@sentry/node is not installed; run `./vigil test` (it runs `npm ci --prefix e2e/node`)")
        .exists();
    TestProject project = api.createProject("node");
    ProjectAlerting alerting = alerting(project);
    String path = "/discord/" + project.id() + "/" + UUID.randomUUID();
    // The channel keeps Alertmanager's default 30 s group wait: a new issue is an event, sent at once regardless.
    alerting.createChannel(
        Map.of("name", "#incidents", "type", "discord", "settings", Map.of("url", hooks.url(path))));
    long ruleId = alerting.createErrorRule(Map.of("name", "New error in production", "trigger", "new_issue")).path("id").asLong();
    // alert-service leads and has picked the rule up: from here on the clock measures the pipeline only.
    awaitEvaluated(alerting, ruleId);

    Instant beforeSdk = Instant.now();
    String node = SdkScript.interpreter("vigil.test.node", "node");
    JsonNode sent = SdkScript.run(List.of(node, "raise-new-error.js", project.dsn()), scripts);
    assertThat(sent.path("flushed").asBoolean()).as("Sentry.flush() completed: %s", sent).isTrue();

    Duration left = NEW_ISSUE_ALERT_WITHIN.minus(Duration.between(beforeSdk, Instant.now()));
    CapturedRequest message = awaitOne(path, left, alerting);
    assertThat(Duration.between(beforeSdk, message.receivedAt())).isLessThanOrEqualTo(NEW_ISSUE_ALERT_WITHIN);
    assertThat(message.rejected()).as("Discord would refuse it: %s", message.rejection()).isFalse();
    assertThat(message.status()).isEqualTo(204);

    JsonNode body = VigilApi.parse(message.body());
    assertThat(body.path("embeds").size()).isEqualTo(1);
    JsonNode embed = body.path("embeds").path(0);
    assertThat(embed.path("title").asText()).contains("FIRING").contains("New error in production");
    assertThat(embed.path("description").asText()).contains(LEDGER_ERROR);
    long issueId = Issues.withTitle(api.issues(project.id()), "LedgerMismatchError").path("id").asLong();
    assertThat(embed.path("url").asText())
        .as("the link opens the issue in the suite's web UI")
        .isEqualTo(api.webUiUrl() + "/projects/" + project.id() + "/issues/" + issueId);
    assertThat(body.path("content").asText()).contains("New error in production");

    Thread.sleep(2000);
    assertThat(hooks.requests(path)).as("one error, one message").hasSize(1);
  }

  @Test
  void aGaugeOverAnImportedPrometheusRuleFiresThenResolvesInSlack() throws Exception {
    TestProject project = api.createProject("java-otel");
    ProjectAlerting alerting = alerting(project);
    JsonNode groups = alerting.putRuleFile("shop", resource("alerting/shop-rules.yml"));
    assertThat(VigilApi.elements(groups)).extracting(g -> g.path("name").asText())
        .containsExactlyInAnyOrder("shop-queues", "shop-checkout");
    String path = "/slack/" + project.id() + "/B0E2E/" + UUID.randomUUID();
    alerting.createChannel(
        Map.of(
            "name", "#fulfilment-oncall",
            "type", "slack",
            "settings", Map.of("url", hooks.url(path)),
            "matchers", "{team=\"fulfilment\"}",
            "groupBy", List.of("alertname"),
            "groupWaitSeconds", 1,
            "groupIntervalSeconds", 2,
            "repeatIntervalSeconds", 3600,
            "sendResolved", true));

    AtomicLong emailsWaiting = new AtomicLong(1250);
    try (JavaOtelService fulfilment =
        JavaOtelService.start(
            "fulfilment", Protocol.HTTP_PROTOBUF, api.otlp(), OtlpEndpoints.authorization(project), Duration.ofSeconds(1))) {
      fulfilment.meter().gaugeBuilder("shop.queue.depth").setUnit("{message}").ofLongs()
          .buildWithCallback(m -> m.record(emailsWaiting.get(), Attributes.of(AttributeKey.stringKey("queue"), "emails")));
      Instant firstExport = Instant.now();

      CapturedRequest firing = awaitOne(path, FIRING_WITHIN, alerting, fulfilment);
      assertThat(firing.rejected()).as("Slack would refuse it: %s", firing.rejection()).isFalse();
      assertThat(Duration.between(firstExport, firing.receivedAt()))
          .as("the rule's `for: 5s` holds the alert pending first")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
      JsonNode fired = VigilApi.parse(firing.body());
      assertThat(fired.path("text").asText())
          .startsWith("[FIRING:1] QueueBacklogHigh")
          .contains("Queue emails has 1250 messages waiting");
      assertThat(slackText(fired))
          .contains("[FIRING] QueueBacklogHigh")
          .contains("Queue emails has 1250 messages waiting")
          .contains("severity").contains("critical")
          .contains("https://runbooks.example.com/shop/queue-backlog")
          .contains(api.webUiUrl() + "/projects/" + project.id() + "/alerts");
      assertThat(hooks.requests(path)).as("only QueueBacklogHigh fires; nothing resolved yet").hasSize(1);
      JsonNode alert = VigilApi.elements(alerting.alerts("firing")).stream()
          .filter(a -> a.path("ruleName").asText().equals("QueueBacklogHigh")).findFirst()
          .orElseThrow(() -> new AssertionError("QueueBacklogHigh is not listed as firing:" + alerting.describe()));
      assertThat(alert.path("labels").path("queue").asText()).isEqualTo("emails");
      assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("Queue emails has 1250 messages waiting");

      emailsWaiting.set(7);
      List<CapturedRequest> both = awaitRequests(path, 2, RESOLVED_WITHIN, alerting, fulfilment);
      CapturedRequest resolving = both.get(1);
      assertThat(resolving.rejected()).as("Slack would refuse it: %s", resolving.rejection()).isFalse();
      JsonNode resolved = VigilApi.parse(resolving.body());
      assertThat(resolved.path("text").asText()).startsWith("[RESOLVED] QueueBacklogHigh");
      assertThat(slackText(resolved)).contains("[RESOLVED] QueueBacklogHigh").contains("resolved");
      fulfilment.flush();
    }
    Thread.sleep(3000);
    assertThat(hooks.requests(path)).as("fired once, resolved once, nothing repeated").hasSize(2);
    assertThat(hooks.requests(path)).allSatisfy(r -> assertThat(r.body()).doesNotContain("CheckoutErrorRatioHigh"));
  }

  private ProjectAlerting alerting(TestProject project) {
    ProjectAlerting alerting = new ProjectAlerting(api, project.id());
    used.add(alerting);
    return alerting;
  }

  /** Waits until the error rule has been evaluated once: alert-service holds the lease and reads the rule. */
  private static void awaitEvaluated(ProjectAlerting alerting, long ruleId) {
    Awaitility.await("error rule " + ruleId + " evaluated by alert-service")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> alerting.errorRule(ruleId), rule -> !rule.path("lastEvaluationAt").isNull() && !rule.path("lastEvaluationAt").isMissingNode());
  }

  private CapturedRequest awaitOne(String path, Duration within, ProjectAlerting alerting, JavaOtelService... exporters)
      throws InterruptedException {
    return awaitRequests(path, 1, within, alerting, exporters).get(0);
  }

  /** The capture server's wait, failing with what Vigil says about the project's alerting (and failed exports). */
  private List<CapturedRequest> awaitRequests(
      String path, int n, Duration within, ProjectAlerting alerting, JavaOtelService... exporters) throws InterruptedException {
    try {
      return hooks.awaitRequests(path, n, within.isNegative() || within.isZero() ? Duration.ofMillis(1) : within);
    } catch (AssertionError missing) {
      StringBuilder context = new StringBuilder(missing.getMessage());
      for (JavaOtelService exporter : exporters) {
        context.append("\nfailed OTLP exports of ").append(exporter.name()).append(": ").append(exporter.exportFailures());
      }
      context.append(alerting.describe());
      context.append("\n(e2e/target/alert-service.log says whether the suite's alert-service held the evaluator lease:"
          + " an alert-service of another test run on the same PostgreSQL database can take it.)");
      throw new AssertionError(context.toString(), missing);
    }
  }

  /** Every text of a Slack message's blocks (header, sections, context elements), one per line. */
  private static String slackText(JsonNode message) {
    StringBuilder out = new StringBuilder();
    for (JsonNode block : message.path("blocks")) {
      out.append(block.path("text").path("text").asText()).append('\n');
      for (JsonNode element : block.path("elements")) {
        out.append(element.path("text").asText()).append('\n');
      }
    }
    return out.toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = AlertingJourneyTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
