package dev.vigil.e2e;

import static dev.vigil.e2e.Issues.assertTraceId;
import static dev.vigil.e2e.Issues.exceptionTypes;
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

/** The unmodified Python sentry-sdk (e2e/python/requirements.txt) reporting to Vigil through e2e/python/raise_errors.py. */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonSdkTest {

  private static final String SCRIPT = "raise_errors.py";

  private VigilApi api;
  private JsonNode traceIds;
  private List<JsonNode> issues;

  @BeforeAll
  void raiseErrorsWithSentrySdk(VigilApi api) throws Exception {
    this.api = api;
    String python = SdkScript.interpreter("vigil.test.python", "python3");
    String missing = SdkScript.probe(List.of(python, "-c", "import sentry_sdk"));
    assertThat(missing)
        .as("%s cannot import sentry_sdk; run `./vigil test` (it installs e2e/python/requirements.txt into"
            + " .vigil/venv) or pass -Dvigil.test.python=<python with sentry-sdk>", python)
        .isNull();
    TestProject project = api.createProject("python");
    Path scripts = SdkScript.repoRoot().resolve("e2e/python");
    JsonNode result = SdkScript.run(List.of(python, SCRIPT, project.dsn()), scripts);
    traceIds = result.path("trace_ids");
    issues = Issues.awaitEvents(api, project.id(), 9);
  }

  @Test
  void groupsNineEventsIntoFourIssues() {
    assertThat(issues).hasSize(4);
    assertThat(issues).extracting(issue -> issue.path("count").asLong()).containsExactlyInAnyOrder(3L, 2L, 2L, 2L);
  }

  @Test
  void zeroDivisionRaisedThreeTimesAtOneSiteIsOneIssue() {
    JsonNode issue = withTitle(issues, "ZeroDivisionError: division by zero");
    assertThat(issue.path("count").asLong()).isEqualTo(3);
    // As in Sentry, an event raised inside a transaction is blamed on the transaction.
    assertThat(issue.path("culprit").asText()).isEqualTo("GET /reports/average");
    assertThat(issue.path("level").asText()).isEqualTo("error");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    JsonNode exception = mainException(latest);
    assertThat(inAppFunctions(exception)).contains("raise_and_capture", "divide_by_zero").last().isEqualTo("divide_by_zero");
    JsonNode raisingFrame = frames(exception).get(frames(exception).size() - 1);
    assertThat(raisingFrame.path("context_line").asText()).contains("return numerator / 0");
    assertThat(raisingFrame.path("filename").asText()).endsWith(SCRIPT);
    assertThat(raisingFrame.path("module").asText()).isEqualTo("__main__");
    assertThat(raisingFrame.path("lineno").asInt()).isPositive();
    assertTraceId(latest, traceIds.path("zero_division").asText());
    assertThat(payload(latest).path("release").asText()).isEqualTo("e2e@1.0");
    assertThat(payload(latest).path("environment").asText()).isEqualTo("e2e");
  }

  @Test
  void keyErrorIsItsOwnIssue() {
    JsonNode issue = withTitle(issues, "KeyError: ");
    assertThat(issue.path("title").asText()).contains("missing_setting");
    assertThat(issue.path("count").asLong()).isEqualTo(2);
    // Raised outside any transaction: blamed on the most recent in-app frame, "module in function".
    assertThat(issue.path("culprit").asText()).isEqualTo("__main__ in lookup_missing_key");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    assertThat(inAppFunctions(mainException(latest))).last().isEqualTo("lookup_missing_key");
    assertTraceId(latest, traceIds.path("key_error").asText());
  }

  @Test
  void chainedExceptionIsTitledAfterTheRaisedErrorAndKeepsItsCause() {
    JsonNode issue = withTitle(issues, "ValueError: invalid configuration: no timeout");
    assertThat(issue.path("count").asLong()).isEqualTo(2);
    assertThat(issue.path("culprit").asText()).isEqualTo("POST /config/reload");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    assertThat(exceptionTypes(latest)).extracting(JsonNode::asText).containsExactly("KeyError", "ValueError");
    assertThat(inAppFunctions(mainException(latest))).last().isEqualTo("load_config");
    assertTraceId(latest, traceIds.path("chained").asText());
  }

  @Test
  void messagesDifferingOnlyInANumberAreOneIssue() {
    JsonNode issue = withTitle(issues, "user ");
    assertThat(issue.path("title").asText()).endsWith("not found");
    assertThat(issue.path("count").asLong()).isEqualTo(2);
    assertThat(issue.path("level").asText()).isEqualTo("warning");
    assertThat(issue.path("culprit").asText()).isEqualTo("GET /users/{id}");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    assertThat(payload(latest).path("exception").path("values").size()).isZero();
    assertTraceId(latest, traceIds.path("message").asText());
  }

  @Test
  void everyEventOfAnIssueCarriesTheTraceItWasRaisedIn() {
    JsonNode issue = withTitle(issues, "ZeroDivisionError");
    List<JsonNode> events = api.events(issue.path("id").asLong());
    assertThat(events).hasSize(3);
    assertThat(events)
        .extracting(event -> event.path("traceId").asText())
        .containsOnly(traceIds.path("zero_division").asText());
  }
}
