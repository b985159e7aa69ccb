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
 * The unmodified OpenTelemetry JS SDK (@opentelemetry/sdk-trace-node, sdk-logs, sdk-metrics and the
 * exporter-*-otlp-proto exporters, pinned in e2e/node/package-lock.json) exporting OTLP/HTTP protobuf through
 * e2e/node/export-telemetry.js.
 */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeOtelSdkTest {

  private VigilApi api;
  private TestProject project;
  private JsonNode ids;

  @BeforeAll
  void exportWithTheJsSdk(VigilApi api) throws Exception {
    this.api = api;
    Path scripts = SdkScript.repoRoot().resolve("e2e/node");
    assertThat(scripts.resolve("node_modules/@opentelemetry/sdk-trace-node"))
        .as("the OpenTelemetry JS SDK is not installed; run `./vigil test` (it runs `npm ci --prefix e2e/node`)")
        .exists();
    project = api.createProject("node-otel");
    String node = SdkScript.interpreter("vigil.test.node", "node");
    ids = SdkScript.run(List.of(node, "export-telemetry.js", api.otlp().httpUrl(), project.publicKey()), scripts);
    assertThat(ids.path("failures")).as("failed OTLP exports: %s", ids).isEmpty();
  }

  @Test
  void traceByIdIsTheNestedSpanTree() {
    String traceId = ids.path("trace_id").asText();
    JsonNode trace = Telemetry.awaitTrace(api, project.id(), traceId, 3, 0);

    assertThat(Telemetry.spans(trace)).extracting(Telemetry::spanName)
        .containsExactlyInAnyOrder("GET /cart", "load-cart", "SELECT carts");
    assertThat(Telemetry.serviceNames(trace)).containsExactly("node-cart");
    assertThat(Telemetry.text(Telemetry.spanNamed(trace, "load-cart"), "parentSpanId"))
        .isEqualTo(ids.path("root_span_id").asText());
    JsonNode query = Telemetry.spanNamed(trace, "SELECT carts");
    assertThat(Telemetry.text(query, "spanId")).isEqualTo(ids.path("query_span_id").asText());
    assertThat(Telemetry.text(query, "parentSpanId")).isEqualTo(ids.path("load_span_id").asText());
  }

  @Test
  void logsAreFoundByTheirTraceId() {
    List<JsonNode> logs = Telemetry.awaitLogsOfTrace(api, project.id(), ids.path("trace_id").asText(), 2);
    assertThat(logs).extracting(log -> log.path("body").asText())
        .containsExactlyInAnyOrder("loading cart 7", "cart query timed out");
    assertThat(logs)
        .filteredOn(log -> log.path("body").asText().equals("cart query timed out"))
        .singleElement()
        .satisfies(log -> assertThat(Telemetry.text(log, "spanId")).isEqualTo(ids.path("query_span_id").asText()));
  }

  @Test
  void metricNamesFollowPrometheusNaming() {
    List<String> expected =
        List.of("node_e2e_requests_total", "node_e2e_latency_seconds_bucket", "node_e2e_latency_seconds_count");
    assertThat(Telemetry.awaitMetricNames(api, project.id(), expected)).containsAll(expected);
  }
}
