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
 * The unmodified OpenTelemetry Python SDK (opentelemetry-sdk and opentelemetry-exporter-otlp-proto-http, pinned
 * in e2e/python/requirements.txt) exporting OTLP/HTTP protobuf through e2e/python/export_telemetry.py; logs go
 * through the standard logging module and the SDK's LoggingHandler.
 */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonOtelSdkTest {

  private VigilApi api;
  private TestProject project;
  private JsonNode ids;

  @BeforeAll
  void exportWithThePythonSdk(VigilApi api) throws Exception {
    this.api = api;
    String python = SdkScript.interpreter("vigil.test.python", "python3");
    String missing =
        SdkScript.probe(List.of(python, "-c", "import opentelemetry.sdk, opentelemetry.exporter.otlp.proto.http"));
    assertThat(missing)
        .as("%s cannot import the OpenTelemetry SDK; run `./vigil test` (it installs e2e/python/requirements.txt"
            + " into .vigil/venv) or pass -Dvigil.test.python=<python with those packages>", python)
        .isNull();
    project = api.createProject("python-otel");
    Path scripts = SdkScript.repoRoot().resolve("e2e/python");
    ids = SdkScript.run(List.of(python, "export_telemetry.py", api.otlp().httpUrl(), project.publicKey()), scripts);
    assertThat(ids.path("failures")).as("failed OTLP exports: %s", ids).isEmpty();
  }

  @Test
  void traceByIdIsTheNestedSpanTree() {
    JsonNode trace = Telemetry.awaitTrace(api, project.id(), ids.path("trace_id").asText(), 3, 0);

    assertThat(Telemetry.spans(trace)).extracting(Telemetry::spanName)
        .containsExactlyInAnyOrder("POST /invoices", "render-pdf", "PUT s3://invoices");
    assertThat(Telemetry.serviceNames(trace)).containsExactly("py-billing");
    assertThat(Telemetry.text(Telemetry.spanNamed(trace, "render-pdf"), "parentSpanId"))
        .isEqualTo(ids.path("root_span_id").asText());
    assertThat(Telemetry.text(Telemetry.spanNamed(trace, "PUT s3://invoices"), "parentSpanId"))
        .isEqualTo(ids.path("render_span_id").asText());
  }

  @Test
  void logsFromTheLoggingModuleCarryTheActiveSpan() {
    List<JsonNode> logs = Telemetry.awaitLogsOfTrace(api, project.id(), ids.path("trace_id").asText(), 2);
    assertThat(logs).extracting(log -> log.path("body").asText())
        .containsExactlyInAnyOrder("rendering invoice INV-7", "upload of invoice INV-7 failed");
    assertThat(logs)
        .filteredOn(log -> log.path("body").asText().startsWith("upload"))
        .singleElement()
        .satisfies(log -> assertThat(Telemetry.text(log, "spanId")).isEqualTo(ids.path("upload_span_id").asText()));
  }

  @Test
  void metricNamesFollowPrometheusNaming() {
    // unit "By" → _bytes; a counter → _total; the {invoice} annotation is dropped.
    List<String> expected =
        List.of("py_e2e_invoices_total", "py_e2e_invoice_amount_bytes_bucket", "py_e2e_invoice_amount_bytes_sum");
    assertThat(Telemetry.awaitMetricNames(api, project.id(), expected)).containsAll(expected);
  }
}
