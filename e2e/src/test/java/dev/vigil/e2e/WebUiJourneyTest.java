package dev.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new user finds a failed request in the web UI, in headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core, e2e/node/ui/journey.js): the error and its trace come from unmodified SDKs
 * (e2e/node/traced-error.js), the user joins through an invitation link and logs in on the login screen, then
 * goes from the issue to its stack, its trace (the error on the span that raised it) and the trace's logs, and
 * runs a PromQL query over metrics the OpenTelemetry SDK exported (node/export-telemetry.js).
 * Screenshots of every page visited go to e2e/target/screenshots.
 */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiJourneyTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * The counter node/export-telemetry.js adds 2 to, with route="/cart", exported once: last_over_time keeps that
   * one sample in the table's instant query however long the steps before it take (not only the 5 min lookback).
   */
  private static final String PROMQL = "sum by (route) (last_over_time(node_e2e_requests_total[1h]))";

  /** Launching Chromium, a dozen page loads and their screenshots on a loaded 2-core machine. */
  private static final Duration JOURNEY_TIMEOUT = Duration.ofMinutes(4);

  private static final ObjectMapper JSON = new ObjectMapper();

  private VigilApi api;
  private TestProject project;
  private JsonNode ids;
  private JsonNode issue;
  private JsonNode invitation;
  private String email;

  @BeforeAll
  void failATracedRequestExportMetricsAndInviteAUser(VigilApi api) throws Exception {
    this.api = api;
    Path scripts = SdkScript.repoRoot().resolve("e2e/node");
    assertThat(scripts.resolve("node_modules/playwright-core")).as("run `npm ci --prefix e2e/node`").exists();
    assertThat(CHROMIUM)
        .as("Debian's chromium package (./vigil test installs it; else `apt-get install chromium`)")
        .isExecutable();
    // An organization of its own: the invited user sees this one project and nothing other tests created.
    String organization = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    project = api.createProject(organization, "node-ui");
    String node = SdkScript.interpreter("vigil.test.node", "node");
    ids =
        SdkScript.run(
            List.of(node, "traced-error.js", api.otlp().httpUrl(), project.publicKey(), project.dsn()), scripts);
    assertThat(ids.path("flushed").asBoolean()).as("Sentry.flush() completed: %s", ids).isTrue();
    assertThat(ids.path("failures")).as("failed OTLP exports: %s", ids).isEmpty();
    // Metrics for the PromQL step, from another service of the same project (node-cart).
    JsonNode metrics = SdkScript.run(List.of(node, "export-telemetry.js", api.otlp().httpUrl(), project.publicKey()), scripts);
    assertThat(metrics.path("failures")).as("failed OTLP exports: %s", metrics).isEmpty();
    // Everything the browser will look for is stored before it starts, so a failure there is the UI's.
    issue = Issues.withTitle(Issues.awaitEvents(api, project.id(), 1), "InventoryError");
    Telemetry.awaitTrace(api, project.id(), ids.path("trace_id").asText(), 2, 1);
    Telemetry.awaitLogsOfTrace(api, project.id(), ids.path("trace_id").asText(), 1);
    Telemetry.await(
        api,
        "/projects/" + project.id() + "/prometheus/api/v1/query?query=" + URLEncoder.encode(PROMQL, StandardCharsets.UTF_8),
        answer -> answer.path("data").path("result").size() == 1);
    // An imported rule that fires at once (its expression always has a result), for the Alerts page.
    new ProjectAlerting(api, project.id()).putRuleFile("journey.yml", """
        groups:
          - name: journey
            interval: 1s
            rules:
              - alert: CartTrafficSeen
                expr: sum(last_over_time(node_e2e_requests_total[1h])) > 0
                labels:
                  severity: info
                annotations:
                  summary: "The cart service serves requests"
        """);
    email = "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.vigil.test";
    invitation = api.invite(organization, email, "member");
  }

  @Test
  void aNewUserGoesFromTheIssueToItsTraceLogsAndMetricsInTheBrowser() throws IOException, InterruptedException {
    Path screenshots = SdkScript.repoRoot().resolve("e2e/target/screenshots");
    Map<String, Object> journey = new LinkedHashMap<>();
    journey.put("baseUrl", api.webUiUrl());
    journey.put("inviteUrl", invitation.path("inviteUrl").asText());
    journey.put("name", "Ada Example");
    journey.put("email", email);
    journey.put("password", "pw-" + UUID.randomUUID());
    journey.put("projectId", project.id());
    journey.put("dsn", project.dsn());
    journey.put("otlpHttpUrl", api.otlp().httpUrl());
    journey.put("issueId", issue.path("id").asLong());
    journey.put("issueTitle", issue.path("title").asText());
    journey.put("exceptionValue", "no stock left for sku-1138");
    journey.put("inAppFunction", "reserveItem");
    journey.put("traceId", ids.path("trace_id").asText());
    journey.put("rootSpan", "POST /orders");
    journey.put("failingSpan", "reserve-inventory");
    journey.put("failingSpanId", ids.path("failing_span_id").asText());
    journey.put("service", "node-orders");
    journey.put("promql", PROMQL);
    journey.put("promqlLabel", "/cart");
    journey.put("promqlValue", "2");
    journey.put("logLine", "order failed: no stock left for sku-1138");
    journey.put("alertGroup", "journey");
    journey.put("alertName", "CartTrafficSeen");
    journey.put("chromium", CHROMIUM.toString());
    journey.put("screenshots", screenshots.toString());

    assertThat(invitation.path("inviteUrl").asText())
        .as("the invitation links to the suite's web-ui")
        .startsWith(api.webUiUrl() + "/accept-invitation#");
    // The script fails with the step that went wrong, what it expected and a screenshot of that page, or
    // with the uncaught page errors and 5xx answers it met.
    JsonNode result =
        SdkScript.run(
            List.of(SdkScript.interpreter("vigil.test.node", "node"), "ui/journey.js"),
            SdkScript.repoRoot().resolve("e2e/node"),
            Map.of("VIGIL_UI_JOURNEY", JSON.writeValueAsString(journey)),
            JOURNEY_TIMEOUT);

    List<String> written = Issues.texts(result.path("screenshots"));
    assertThat(written)
        .as("screenshots of every page visited")
        .contains(
            "accept-invitation.png", "login.png", "issues.png", "issue.png", "trace.png", "trace-logs.png",
            "traces.png", "services.png", "metrics.png", "logs.png", "getting-started.png",
            "trace-dark.png");
    for (String name : written) {
      Path png = screenshots.resolve(name);
      assertThat(png).as("screenshot %s", png).isNotEmptyFile();
      byte[] signature = new byte[8];
      try (var in = Files.newInputStream(png)) {
        assertThat(in.read(signature)).isEqualTo(8);
      }
      assertThat(signature).as("%s is a PNG", png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
  }
}
