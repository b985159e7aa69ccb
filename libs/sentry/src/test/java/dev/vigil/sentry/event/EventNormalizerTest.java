package dev.vigil.sentry.event;

import static dev.vigil.sentry.event.Fixtures.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.Level;
import dev.vigil.domain.StackFrame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventNormalizerTest {

  private final EventNormalizer normalizer = new EventNormalizer();

  @Test
  void pythonEventKeepsFramesContextAndSdkInAppFlags() {
    Event event = Fixtures.event("python_zero_division.json");

    assertThat(event.eventId()).isEqualTo(UUID.fromString("c1a5b5e4-a3b8-4d4c-9d1c-3f0f8c6b7a21"));
    assertThat(event.projectId()).isEqualTo(1L);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-06-12T09:41:27.351211Z"));
    assertThat(event.receivedAt()).isEqualTo(RECEIVED);
    assertThat(event.platform()).isEqualTo("python");
    assertThat(event.level()).isEqualTo(Level.ERROR);
    assertThat(event.transaction()).isEqualTo("shop.views.cart_summary");
    assertThat(event.release()).isEqualTo("shop@1.4.2");
    assertThat(event.environment()).isEqualTo("production");
    assertThat(event.serverName()).isEqualTo("web-1");
    assertThat(event.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(event.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(event.sdkName()).isEqualTo("sentry.python.flask");
    assertThat(event.sdkVersion()).isEqualTo("2.19.2");
    assertThat(event.user().id()).isEqualTo("1042");
    assertThat(event.user().ipAddress()).as("{{auto}} is the sender's address").isEqualTo(Fixtures.CLIENT_ADDRESS);

    ExceptionValue exception = event.mainException();
    assertThat(exception.type()).isEqualTo("ZeroDivisionError");
    assertThat(exception.value()).isEqualTo("division by zero");
    assertThat(exception.mechanism()).isEqualTo("flask");
    assertThat(exception.handled()).isFalse();
    assertThat(exception.frames()).extracting(StackFrame::inApp).containsExactly(false, false, true, true);
    StackFrame top = exception.frames().get(3);
    assertThat(top.module()).isEqualTo("shop.pricing");
    assertThat(top.function()).isEqualTo("average_price");
    assertThat(top.filename()).isEqualTo("shop/pricing.py");
    assertThat(top.absPath()).isEqualTo("/srv/shop/shop/pricing.py");
    assertThat(top.lineno()).isEqualTo(17);
    assertThat(top.contextLine()).isEqualTo("    return total / len(items)");
    assertThat(top.preContext()).containsExactly("def average_price(items):", "    total = sum(item.price for item in items)");
    assertThat(top.postContext()).hasSize(2);
  }

  @Test
  void chainedExceptionsKeepTheCauseFirstAndTheRaisedExceptionLast() {
    Event event = Fixtures.event("python_keyerror_chained.json");

    assertThat(event.exceptions()).extracting(ExceptionValue::type).containsExactly("KeyError", "CheckoutError");
    assertThat(event.exceptions().get(0).mechanism()).isEqualTo("chained");
    assertThat(event.mainException().module()).isEqualTo("shop.errors");
    assertThat(event.mainException().handled()).isFalse();
    assertThat(event.mainException().frames()).hasSize(3);
  }

  @Test
  void javaEventDecidesInAppByPackageWhenTheSdkLeftItOpen() {
    Event event = Fixtures.event("java_chained_sql.json");

    assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-06-12T09:44:03.118Z"));
    assertThat(event.exceptions()).extracting(ExceptionValue::type).containsExactly("PSQLException", "IllegalStateException");
    StackFrame lambda = event.mainException().frames().get(7);
    assertThat(lambda.module()).startsWith("com.example.orders.OrderService$$Lambda");
    assertThat(lambda.inApp()).as("no in_app flag, application package").isTrue();
    assertThat(event.tags()).containsEntry("thread.name", "http-nio-8080-exec-3");
  }

  @Test
  void libraryRulesApplyOnlyWhenTheSdkSentNoFlag() {
    Event event =
        Fixtures.normalize(
            """
            {"platform": "java", "exception": {"values": [{"type": "E", "stacktrace": {"frames": [
              {"module": "java.util.concurrent.FutureTask", "function": "run"},
              {"module": "org.springframework.web.servlet.DispatcherServlet", "function": "doDispatch"},
              {"module": "io.quarkus.vertx.core.runtime.VertxCoreRecorder", "function": "run"},
              {"module": "com.acme.billing.Invoices", "function": "issue"},
              {"module": "java.lang.reflect.Method", "function": "invoke", "in_app": true},
              {"platform": "python", "abs_path": "<frozen importlib._bootstrap>", "function": "_call_with_frames_removed"},
              {"platform": "python", "abs_path": "/usr/local/lib/python3.12/threading.py", "function": "run"},
              {"platform": "python", "abs_path": "/app/.venv/lib/python3.12/dist-packages/requests/api.py", "function": "get"},
              {"platform": "node", "filename": "/app/node_modules/pg/lib/client.js", "function": "Client.query"},
              {"platform": "javascript", "filename": "webpack/bootstrap", "function": "__webpack_require__"},
              {"platform": "native", "instruction_addr": "0x7f12", "function": "abort"},
              {"platform": "php", "filename": "/var/www/app/vendor/laravel/framework/src/Router.php", "function": "dispatch"},
              {"platform": "python", "abs_path": "/app/billing/invoices.py", "function": "issue"}
            ]}}]}}
            """);

    assertThat(event.mainException().frames())
        .extracting(StackFrame::inApp)
        .containsExactly(false, false, false, true, true, false, false, false, false, false, false, false, true);
  }

  @Test
  void logentryParamsAreFormattedInPrintfStyleAndTheTemplateIsKept() throws Exception {
    Event event = Fixtures.event("python_logging_message.json");

    assertThat(event.message()).isEqualTo("Payment pi_3QdL2b4kD8 for user alice@example.com failed after 3.2s");
    assertThat(event.logger()).isEqualTo("shop.payments");
    JsonNode payload = Fixtures.parse(event.payload());
    assertThat(payload.path("logentry").path("message").asText()).isEqualTo("Payment %s for user %s failed after %.1fs");
    assertThat(payload.path("logentry").path("formatted").asText()).isEqualTo(event.message());
    assertThat(payload.path("message").asText()).isEqualTo(event.message());
  }

  @Test
  void formatsSlf4jBracesNamedPythonParamsAndIndexedPlaceholders() {
    assertThat(message("{\"logentry\": {\"message\": \"User {} not found in {}\", \"params\": [42, \"eu\"]}}"))
        .isEqualTo("User 42 not found in eu");
    assertThat(message("{\"logentry\": {\"message\": \"%(count)d jobs in %(queue)s, 100%%\", \"params\": {\"count\": 3, \"queue\": \"mail\"}}}"))
        .isEqualTo("3 jobs in mail, 100%");
    assertThat(message("{\"logentry\": {\"message\": \"{1} before {0}\", \"params\": [\"a\", \"b\"]}}")).isEqualTo("b before a");
    assertThat(message("{\"logentry\": {\"message\": \"missing %s and %s\", \"params\": [\"one\"]}}")).isEqualTo("missing one and %s");
    assertThat(message("{\"logentry\": {\"formatted\": \"already formatted\", \"message\": \"x %s\", \"params\": [1]}}"))
        .isEqualTo("already formatted");
    assertThat(message("{\"message\": {\"message\": \"Order %s\", \"params\": [\"A-1\"]}}")).isEqualTo("Order A-1");
    assertThat(message("{\"message\": \"plain text\"}")).isEqualTo("plain text");
    assertThat(message("{\"message\": {\"formatted\": \"object form\"}}")).isEqualTo("object form");
  }

  @Test
  void acceptsEveryTimestampFormSdksSend() {
    assertThat(timestamp("1749721387.512")).isEqualTo(Instant.parse("2025-06-12T09:43:07.512Z"));
    assertThat(timestamp("\"1749721387.5\"")).isEqualTo(Instant.parse("2025-06-12T09:43:07.500Z"));
    assertThat(timestamp("\"2025-06-12T09:41:27.351211Z\"")).isEqualTo(Instant.parse("2025-06-12T09:41:27.351211Z"));
    assertThat(timestamp("\"2025-06-12T11:41:27+02:00\"")).isEqualTo(Instant.parse("2025-06-12T09:41:27Z"));
    assertThat(timestamp("\"2025-06-12T09:41:27.123\"")).as("naive means UTC").isEqualTo(Instant.parse("2025-06-12T09:41:27.123Z"));
    assertThat(timestamp("\"2025-06-12 09:41:27\"")).isEqualTo(Instant.parse("2025-06-12T09:41:27Z"));
  }

  @Test
  void missingUnreadableOrImplausibleTimestampsBecomeTheReceiveTime() {
    assertThat(Fixtures.normalize("{}").timestamp()).isEqualTo(RECEIVED);
    assertThat(timestamp("\"yesterday\"")).isEqualTo(RECEIVED);
    assertThat(timestamp("{\"a\": 1}")).isEqualTo(RECEIVED);
    assertThat(timestamp("\"2025-06-12T11:00:00Z\"")).as("an hour in the future").isEqualTo(RECEIVED);
    assertThat(timestamp("\"2025-01-01T00:00:00Z\"")).as("months in the past").isEqualTo(RECEIVED);
  }

  @Test
  void eventIdIsAcceptedWithOrWithoutDashesAndGeneratedWhenMissingOrInvalid() {
    UUID expected = UUID.fromString("7f1d0b1c-2e3a-4f5b-8c9d-0e1f2a3b4c5d");
    assertThat(Fixtures.normalize("{\"event_id\": \"7f1d0b1c2e3a4f5b8c9d0e1f2a3b4c5d\"}").eventId()).isEqualTo(expected);
    assertThat(Fixtures.normalize("{\"event_id\": \"7F1D0B1C-2E3A-4F5B-8C9D-0E1F2A3B4C5D\"}").eventId()).isEqualTo(expected);

    Event first = Fixtures.normalize("{}");
    Event second = Fixtures.normalize("{\"event_id\": \"not-an-id\"}");
    assertThat(first.eventId()).isNotNull().isNotEqualTo(second.eventId());
    assertThat(Fixtures.parse(first.payload()).path("event_id").asText()).isEqualTo(first.eventId().toString().replace("-", ""));
  }

  @Test
  void legacyStoreBodyWithBareExceptionListTopLevelStacktraceAndTagPairs() {
    ObjectNode payload = Fixtures.load("legacy_store.json");
    Instant received = Instant.parse("2016-03-02T14:08:30Z");
    Event event = normalizer.normalize(payload, 7L, received, null);

    assertThat(event.timestamp()).isEqualTo(Instant.parse("2016-03-02T14:08:11Z"));
    assertThat(event.level()).isEqualTo(Level.FATAL);
    assertThat(event.mainException().type()).isEqualTo("ValueError");
    assertThat(event.mainException().frames()).extracting(StackFrame::function).containsExactly("render", "decode");
    assertThat(event.mainException().frames()).extracting(StackFrame::inApp).containsExactly(true, false);
    assertThat(event.tags()).containsOnly(Map.entry("server", "billing-01"), Map.entry("attempt", "3"));
    assertThat(event.user().id()).isEqualTo("991");
    assertThat(event.user().ipAddress()).as("{{auto}} without a known client address").isNull();
    assertThat(event.message()).isEqualTo("Unhandled exception");
    assertThat(event.eventId()).isNotNull();

    JsonNode normalized = Fixtures.parse(event.payload());
    assertThat(normalized.path("exception").path("values").get(0).path("stacktrace").path("frames")).hasSize(2);
    assertThat(normalized.has("stacktrace")).isFalse();
    assertThat(normalized.has("extra")).as("wrong type dropped").isFalse();
    assertThat(normalized.path("tags").toString()).isEqualTo("[[\"server\",\"billing-01\"],[\"attempt\",\"3\"]]");
  }

  @Test
  void usesTheCurrentThreadsStackWhenTheExceptionHasNone() {
    Event event =
        Fixtures.normalize(
            """
            {"platform": "java",
             "exception": {"values": [{"type": "IllegalStateException", "value": "boom", "thread_id": 12}]},
             "threads": {"values": [
               {"id": 3, "current": false, "stacktrace": {"frames": [{"module": "com.acme.Other", "function": "idle"}]}},
               {"id": 12, "current": true, "stacktrace": {"frames": [{"module": "com.acme.Jobs", "function": "run", "lineno": 9}]}}
             ]}}
            """);

    assertThat(event.mainException().frames()).extracting(StackFrame::function).containsExactly("run");
  }

  @Test
  void wrongTypesInsideAValidObjectAreDroppedNotFatal() {
    Event event =
        Fixtures.normalize(
            """
            {"level": 5, "release": {"v": 1}, "environment": "", "platform": "Not A Platform!", "tags": "a=b",
             "user": "bob", "contexts": [], "breadcrumbs": "none", "fingerprint": [1, {"x": 1}, "two"],
             "exception": {"values": ["boom", {"type": "E", "stacktrace": {"frames": ["x", {"function": "f", "lineno": "12", "in_app": "false"}]}}]}}
            """);

    assertThat(event.level()).isEqualTo(Level.ERROR);
    assertThat(event.release()).isNull();
    assertThat(event.environment()).isNull();
    assertThat(event.platform()).isEqualTo("other");
    assertThat(event.tags()).isEmpty();
    assertThat(event.traceId()).isNull();
    assertThat(event.fingerprint()).containsExactly("1", "two");
    assertThat(event.exceptions()).hasSize(1);
    StackFrame frame = event.mainException().frames().get(0);
    assertThat(frame.lineno()).isEqualTo(12);
    assertThat(frame.inApp()).isFalse();
  }

  @Test
  void payloadIsSentrySchemaWithCleanedFields() {
    Event event = Fixtures.event("node_type_error.json");
    JsonNode payload = Fixtures.parse(event.payload());

    assertThat(event.payload()).doesNotContain("\n");
    assertThat(payload.path("event_id").asText()).isEqualTo("7f1d0b1c2e3a4f5b8c9d0e1f2a3b4c5d");
    assertThat(payload.path("timestamp").isNumber()).isTrue();
    assertThat(payload.path("timestamp").asDouble()).isEqualTo(1749721387.512);
    assertThat(payload.path("level").asText()).isEqualTo("error");
    assertThat(payload.path("exception").path("values").get(0).path("stacktrace").path("frames").get(0).path("in_app").asBoolean(true))
        .isFalse();
    assertThat(payload.path("breadcrumbs").path("values")).hasSize(1);
    assertThat(payload.path("tags").get(0).toString()).isEqualTo("[\"region\",\"eu-west-1\"]");
    assertThat(payload.path("request").path("url").asText()).isEqualTo("http://api.example.com/users/17/profile");
    assertThat(payload.path("contexts").path("runtime").path("version").asText()).isEqualTo("v20.18.1");
  }

  @Test
  void breadcrumbTimestampsBecomeFloatSeconds() {
    JsonNode payload = Fixtures.parse(Fixtures.event("java_chained_sql.json").payload());
    JsonNode crumb = payload.path("breadcrumbs").path("values").get(0);
    assertThat(crumb.path("timestamp").asDouble()).isEqualTo(1749721443.101);
  }

  @Test
  void capsHugeStringsInsteadOfRejecting() {
    String huge = "x".repeat(100_000);
    Event event =
        Fixtures.normalize(
            "{\"message\": \"" + huge + "\", \"extra\": {\"blob\": \"" + huge + "\"},"
                + " \"exception\": {\"values\": [{\"type\": \"E\", \"value\": \"" + huge + "\", \"stacktrace\": {\"frames\": ["
                + "{\"function\": \"f\", \"context_line\": \"" + huge + "\"}]}}]}}");

    assertThat(event.message().length()).isLessThanOrEqualTo(MessageNormalizer.MAX_MESSAGE);
    assertThat(event.mainException().value().length()).isLessThanOrEqualTo(JsonValues.MAX_STRING);
    assertThat(event.mainException().frames().get(0).contextLine().length()).isLessThanOrEqualTo(FrameNormalizer.MAX_CONTEXT_LINE);
    assertThat(event.payload().length()).as("four 100k strings in, each capped").isLessThan(70_000);
  }

  @Test
  void malformedTraceIdsAreDropped() {
    Event event = Fixtures.normalize("{\"contexts\": {\"trace\": {\"trace_id\": \"xyz\", \"span_id\": \"00F067AA0BA902B7\"}}}");
    assertThat(event.traceId()).isNull();
    assertThat(event.spanId()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void typeIsSplitFromTheValueWhenOnlyAValueWasSent() {
    Event event = Fixtures.normalize("{\"exception\": {\"values\": [{\"value\": \"ZeroDivisionError: division by zero\"}]}}");
    assertThat(event.mainException().type()).isEqualTo("ZeroDivisionError");
    assertThat(event.mainException().value()).isEqualTo("division by zero");
  }

  @Test
  void rejectsBodiesThatAreNotAJsonObject() {
    assertThatThrownBy(() -> normalizer.normalize("{\"level\": ".getBytes(StandardCharsets.UTF_8), 1L, RECEIVED))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> normalizer.normalize("[1, 2]".getBytes(StandardCharsets.UTF_8), 1L, RECEIVED))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("must be a JSON object, got array");
    assertThatThrownBy(() -> normalizer.normalize(new byte[0], 1L, RECEIVED))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> normalizer.normalize("garbage".getBytes(StandardCharsets.UTF_8), 1L, RECEIVED))
        .isInstanceOf(InvalidEventException.class);
  }

  private static String message(String json) {
    return Fixtures.normalize(json).message();
  }

  private static Instant timestamp(String json) {
    return Fixtures.normalize("{\"timestamp\": " + json + "}").timestamp();
  }
}
