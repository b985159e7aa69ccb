package dev.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A traced request that fails, seen by two unmodified SDKs in one Node process (e2e/node/traced-error.js): the
 * OpenTelemetry JS SDK exports the trace over OTLP, @sentry/node (with its openTelemetryIntegration) reports the
 * error to the DSN. Vigil must show one trace with the error attached, and the issue must lead back to it.
 */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceErrorCorrelationTest {

  private VigilApi api;
  private TestProject project;
  private JsonNode ids;
  private JsonNode issue;

  @BeforeAll
  void failATracedRequest(VigilApi api) throws Exception {
    this.api = api;
    Path scripts = SdkScript.repoRoot().resolve("e2e/node");
    assertThat(scripts.resolve("node_modules/@sentry/node")).as("run `npm ci --prefix e2e/node`").exists();
    project = api.createProject("node-traced");
    String node = SdkScript.interpreter("vigil.test.node", "node");
    ids =
        SdkScript.run(
            List.of(node, "traced-error.js", api.otlp().httpUrl(), project.publicKey(), project.dsn()), scripts);
    assertThat(ids.path("flushed").asBoolean()).as("Sentry.flush() completed: %s", ids).isTrue();
    assertThat(ids.path("failures")).as("failed OTLP exports: %s", ids).isEmpty();
    issue = Issues.withTitle(Issues.awaitEvents(api, project.id(), 1), "InventoryError");
  }

  @Test
  void traceByIdListsTheErrorAndTheSpanItWasRaisedIn() {
    JsonNode trace = Telemetry.awaitTrace(api, project.id(), ids.path("trace_id").asText(), 2, 1);

    assertThat(Telemetry.spans(trace)).extracting(Telemetry::spanName)
        .containsExactlyInAnyOrder("POST /orders", "reserve-inventory");
    List<JsonNode> errors = Telemetry.errors(trace);
    assertThat(errors).hasSize(1);
    JsonNode error = errors.get(0);
    assertThat(error.path("issueId").asLong()).isEqualTo(issue.path("id").asLong());
    assertThat(Telemetry.text(error, "spanId")).isEqualTo(ids.path("failing_span_id").asText());
    assertThat(error.path("eventId").asText().replace("-", "")).isEqualTo(ids.path("event_id").asText());
    assertThat(Telemetry.text(Telemetry.spanNamed(trace, "reserve-inventory"), "spanId"))
        .isEqualTo(ids.path("failing_span_id").asText());
    // The log line the request wrote in the failing span is attached to the trace as well.
    assertThat(VigilApi.elements(trace.path("logs")))
        .extracting(log -> log.path("body").asText())
        .contains("order failed: no stock left for sku-1138");
  }

  @Test
  void theIssuesEventLeadsBackToTheTraceAndSpan() {
    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    Issues.assertTraceId(latest, ids.path("trace_id").asText());
    assertThat(Issues.payload(latest).path("contexts").path("trace").path("span_id").asText())
        .isEqualTo(ids.path("failing_span_id").asText());
  }

  @Test
  void theErrorLogWrittenInTheFailingSpanIsFoundFromTheTrace() {
    List<JsonNode> logs = Telemetry.awaitLogsOfTrace(api, project.id(), ids.path("trace_id").asText(), 1);
    assertThat(logs).singleElement().satisfies(log -> {
      assertThat(log.path("body").asText()).isEqualTo("order failed: no stock left for sku-1138");
      assertThat(Telemetry.text(log, "spanId")).isEqualTo(ids.path("failing_span_id").asText());
    });
  }
}
