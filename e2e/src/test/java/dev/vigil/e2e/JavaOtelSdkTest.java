package dev.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.e2e.JavaOtelService.Protocol;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The unmodified OpenTelemetry Java SDK (opentelemetry-exporter-otlp, version from the Quarkus BOM) in this JVM:
 * two services, "checkout" and "payments", each with its own SDK, call each other (W3C traceparent between
 * them) and export spans, logs with trace context, a counter and a histogram; once over OTLP/gRPC and once over
 * OTLP/HTTP protobuf, each into its own project.
 */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaOtelSdkTest {

  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private VigilApi api;
  private final Map<Protocol, Sent> sent = new EnumMap<>(Protocol.class);

  /** What one run exported: the project it went to and the ids to look for. */
  record Sent(TestProject project, String traceId, String clientSpanId, String chargeSpanId) {}

  private final Map<Protocol, AssertionError> exportFailures = new EnumMap<>(Protocol.class);

  @BeforeAll
  void exportWithBothProtocols(VigilApi api) {
    this.api = api;
    for (Protocol protocol : Protocol.values()) {
      TestProject project = api.createProject("java-otel");
      try {
        sent.put(protocol, exportCheckout(protocol, project));
      } catch (AssertionError failure) {
        // Kept per protocol: one transport failing must not hide whether the other works.
        exportFailures.put(protocol, failure);
      }
    }
  }

  /** The run of that protocol; fails with the exporters' errors when its export did not succeed. */
  private Sent sent(Protocol protocol) {
    AssertionError failure = exportFailures.get(protocol);
    if (failure != null) {
      throw new AssertionError("export over " + protocol + " failed", failure);
    }
    return sent.get(protocol);
  }

  private Sent exportCheckout(Protocol protocol, TestProject project) {
    String authorization = OtlpEndpoints.authorization(project);
    try (JavaOtelService checkout = JavaOtelService.start("checkout", protocol, api.otlp(), authorization);
        JavaOtelService payments = JavaOtelService.start("payments", protocol, api.otlp(), authorization)) {
      LongCounter orders = checkout.meter().counterBuilder("vigil.e2e.orders").setUnit("{order}").build();
      DoubleHistogram duration =
          checkout.meter().histogramBuilder("vigil.e2e.checkout.duration").setUnit("ms").build();

      Span root = checkout.tracer().spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).startSpan();
      String clientSpanId;
      String chargeSpanId;
      try (Scope ignored = root.makeCurrent()) {
        Span reserve = checkout.tracer().spanBuilder("reserve-stock").startSpan();
        try (Scope inner = reserve.makeCurrent()) {
          checkout.logger().logRecordBuilder().setSeverity(Severity.INFO).setBody("reserved stock for order 42").emit();
        } finally {
          reserve.end();
        }
        Span client = checkout.tracer().spanBuilder("POST payments").setSpanKind(SpanKind.CLIENT).startSpan();
        clientSpanId = client.getSpanContext().getSpanId();
        Map<String, String> headers = new HashMap<>();
        try (Scope inner = client.makeCurrent()) {
          W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        }
        chargeSpanId = servePayment(payments, headers);
        client.setStatus(StatusCode.ERROR, "payment declined").end();
        orders.add(3, Attributes.of(AttributeKey.stringKey("outcome"), "declined"));
        for (double millis : new double[] {12.5, 40, 250}) {
          duration.record(millis);
        }
      } finally {
        root.end();
      }
      checkout.flush();
      payments.flush();
      return new Sent(project, root.getSpanContext().getTraceId(), clientSpanId, chargeSpanId);
    }
  }

  /** The "payments" service: continues the trace from the incoming traceparent, fails, and logs a warning. */
  private static String servePayment(JavaOtelService payments, Map<String, String> incoming) {
    Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), incoming, MAP_GETTER);
    Span server =
        payments.tracer().spanBuilder("POST /charge").setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = server.makeCurrent()) {
      Span charge = payments.tracer().spanBuilder("charge-card").setAttribute("payment.amount_cents", 1999L).startSpan();
      try (Scope inner = charge.makeCurrent()) {
        payments.logger().logRecordBuilder().setSeverity(Severity.WARN).setBody("card declined for order 42").emit();
        charge.setStatus(StatusCode.ERROR, "card declined");
        return charge.getSpanContext().getSpanId();
      } finally {
        charge.end();
      }
    } finally {
      server.end();
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void traceByIdIsOneSpanTreeAcrossBothServices(Protocol protocol) {
    Sent run = sent(protocol);
    JsonNode trace = Telemetry.awaitTrace(api, run.project().id(), run.traceId(), 5, 0);

    List<JsonNode> spans = Telemetry.spans(trace);
    assertThat(spans).extracting(Telemetry::spanName)
        .containsExactlyInAnyOrder("POST /checkout", "reserve-stock", "POST payments", "POST /charge", "charge-card");
    assertThat(Telemetry.serviceNames(trace)).containsExactly("checkout", "payments");
    assertThat(spans).allSatisfy(span -> assertThat(span.path("traceId").asText(run.traceId())).isEqualTo(run.traceId()));

    JsonNode root = Telemetry.spanNamed(trace, "POST /checkout");
    assertThat(Telemetry.text(root, "parentSpanId")).isEmpty();
    JsonNode server = Telemetry.spanNamed(trace, "POST /charge");
    assertThat(Telemetry.serviceName(server)).isEqualTo("payments");
    assertThat(Telemetry.text(server, "parentSpanId")).as("payments' server span continues the client span").isEqualTo(run.clientSpanId());
    JsonNode charge = Telemetry.spanNamed(trace, "charge-card");
    assertThat(Telemetry.text(charge, "spanId")).isEqualTo(run.chargeSpanId());
    assertThat(Telemetry.text(charge, "parentSpanId")).isEqualTo(Telemetry.text(server, "spanId"));
    assertThat(charge.toString()).as("status of %s", charge).containsIgnoringCase("error");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void logsCarryTheTraceAndSpanTheyWereWrittenIn(Protocol protocol) {
    Sent run = sent(protocol);
    List<JsonNode> logs = Telemetry.awaitLogsOfTrace(api, run.project().id(), run.traceId(), 2);

    assertThat(logs).hasSize(2);
    assertThat(logs).extracting(log -> log.path("body").asText())
        .containsExactlyInAnyOrder("reserved stock for order 42", "card declined for order 42");
    JsonNode warning =
        logs.stream().filter(log -> log.path("body").asText().startsWith("card declined")).findFirst().orElseThrow();
    assertThat(Telemetry.text(warning, "spanId")).isEqualTo(run.chargeSpanId());
    assertThat(Telemetry.serviceName(warning)).isEqualTo("payments");
    assertThat(warning.toString()).containsIgnoringCase("warn");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void servicesListHasBothServices(Protocol protocol) {
    Sent run = sent(protocol);
    assertThat(Telemetry.awaitServices(api, run.project().id(), List.of("checkout", "payments")))
        .containsExactlyInAnyOrder("checkout", "payments");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void metricsAreNamedTheWayPrometheusNamesThem(Protocol protocol) {
    Sent run = sent(protocol);
    // OpenTelemetry → Prometheus: dots to underscores, unit "ms" as _milliseconds, a monotonic sum gets
    // _total (the "{order}" annotation is dropped), a histogram becomes _bucket/_sum/_count.
    List<String> expected =
        List.of(
            "vigil_e2e_orders_total",
            "vigil_e2e_checkout_duration_milliseconds_bucket",
            "vigil_e2e_checkout_duration_milliseconds_sum",
            "vigil_e2e_checkout_duration_milliseconds_count");
    assertThat(Telemetry.awaitMetricNames(api, run.project().id(), expected)).containsAll(expected);
  }
}
