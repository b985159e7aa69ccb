package dev.vigil.e2e;

import static dev.vigil.e2e.Issues.assertTraceIdIn;
import static dev.vigil.e2e.Issues.texts;
import static dev.vigil.e2e.Issues.frames;
import static dev.vigil.e2e.Issues.inAppFunctions;
import static dev.vigil.e2e.Issues.mainException;
import static dev.vigil.e2e.Issues.payload;
import static dev.vigil.e2e.Issues.withTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The unmodified @sentry/node SDK (e2e/node/package-lock.json) reporting to Vigil through e2e/node/raise-errors.js. */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeSdkTest {

  private static final String SCRIPT = "raise-errors.js";

  private VigilApi api;
  private JsonNode traceIds;
  private List<JsonNode> issues;

  @BeforeAll
  void raiseErrorsWithSentryNode(VigilApi api) throws Exception {
    this.api = api;
    Path scripts = SdkScript.repoRoot().resolve("e2e/node");
    assertThat(scripts.resolve("node_modules/@sentry/node"))
        .as("@sentry/node is not installed; run `./vigil test` (it runs `npm ci --prefix e2e/node`)")
        .exists();
    TestProject project = api.createProject("node");
    String node = SdkScript.interpreter("vigil.test.node", "node");
    JsonNode result = SdkScript.run(List.of(node, SCRIPT, project.dsn()), scripts);
    assertThat(result.path("flushed").asBoolean()).as("Sentry.flush() completed: %s", result).isTrue();
    traceIds = result.path("trace_ids");
    issues = Issues.awaitEvents(api, project.id(), 7);
  }

  @Test
  void groupsSevenEventsIntoThreeIssues() {
    assertThat(issues).hasSize(3);
    assertThat(issues).extracting(issue -> issue.path("count").asLong()).containsExactlyInAnyOrder(3L, 2L, 2L);
  }

  @Test
  void typeErrorFromCallingUndefinedIsOneIssueWithSourceContext() {
    JsonNode issue = withTitle(issues, "TypeError: handlers.onSubmit is not a function");
    assertThat(issue.path("count").asLong()).isEqualTo(3);
    // Sentry's JavaScript culprit format: function(module) of the raising in-app frame.
    assertThat(issue.path("culprit").asText()).isEqualTo("callMissingHandler(raise-errors)");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    JsonNode exception = mainException(latest);
    assertThat(inAppFunctions(exception)).last().isEqualTo("callMissingHandler");
    JsonNode raisingFrame = frames(exception).get(frames(exception).size() - 1);
    assertThat(raisingFrame.path("context_line").asText()).contains("return handlers.onSubmit();");
    assertThat(raisingFrame.path("filename").asText()).endsWith(SCRIPT);
    assertThat(raisingFrame.path("lineno").asInt()).isPositive();
    // Frames of the SDK itself (node_modules) are library code, never the culprit.
    assertThat(frames(exception))
        .filteredOn(frame -> frame.path("filename").asText().contains("/node_modules/"))
        .isNotEmpty()
        .allSatisfy(frame -> assertThat(frame.path("in_app").asBoolean()).isFalse());
    assertTraceIdIn(latest, texts(traceIds.path("type_error")));
    assertThat(payload(latest).path("release").asText()).isEqualTo("e2e@1.0");
  }

  @Test
  void customErrorSubclassIsTitledByItsNameAndGroupedDespiteDifferentAmounts() {
    JsonNode issue = withTitle(issues, "PaymentDeclinedError: card declined for amount");
    assertThat(issue.path("count").asLong()).isEqualTo(2);
    assertThat(issue.path("culprit").asText()).isEqualTo("chargeCard(raise-errors)");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    assertThat(inAppFunctions(mainException(latest))).last().isEqualTo("chargeCard");
    assertTraceIdIn(latest, texts(traceIds.path("custom_error")));
  }

  @Test
  void rangeErrorIsItsOwnIssue() {
    JsonNode issue = withTitle(issues, "RangeError: Invalid array length");
    assertThat(issue.path("count").asLong()).isEqualTo(2);
    assertThat(issue.path("culprit").asText()).isEqualTo("allocateBuffer(raise-errors)");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    assertThat(inAppFunctions(mainException(latest))).last().isEqualTo("allocateBuffer");
    assertTraceIdIn(latest, texts(traceIds.path("range_error")));
  }

  @Test
  void everyEventOfAnIssueCarriesTheTraceItWasRaisedIn() {
    JsonNode issue = withTitle(issues, "TypeError");
    List<JsonNode> events = api.events(issue.path("id").asLong());
    assertThat(events).hasSize(3);
    assertThat(events)
        .extracting(event -> event.path("traceId").asText())
        .containsExactlyInAnyOrderElementsOf(texts(traceIds.path("type_error")));
  }
}
