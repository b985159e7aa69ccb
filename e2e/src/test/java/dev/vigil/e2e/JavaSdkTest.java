package dev.vigil.e2e;

import static dev.vigil.e2e.Issues.assertTraceId;
import static dev.vigil.e2e.Issues.exceptionTypes;
import static dev.vigil.e2e.Issues.inAppFunctions;
import static dev.vigil.e2e.Issues.mainException;
import static dev.vigil.e2e.Issues.payload;
import static dev.vigil.e2e.Issues.withTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.TransactionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The unmodified sentry-java SDK (io.sentry:sentry, version from the root pom) reporting to Vigil from this JVM. */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaSdkTest {

  private final Map<String, String> traceIds = new HashMap<>();
  private VigilApi api;
  private List<JsonNode> issues;

  @BeforeAll
  void raiseErrorsWithSentryJava(VigilApi api) {
    this.api = api;
    TestProject project = api.createProject("java");
    Sentry.init(
        options -> {
          options.setDsn(project.dsn());
          options.setRelease("e2e@1.0");
          options.setEnvironment("e2e");
          options.setTracesSampleRate(1.0);
          options.addInAppInclude("dev.vigil.e2e");
          options.setEnableUncaughtExceptionHandler(false);
          options.setEnableShutdownHook(false);
        });
    try {
      // Outside any transaction: the events still carry the scope's trace (propagation context).
      List<String> ports = List.of("eighty", "http", "8o8o", "x");
      repeat(4, attempt -> parsePort(ports.get(attempt)));
      traceIds.put("number_format", Sentry.getTraceparent().getTraceId().toString());

      traceIds.put("illegal_state", inTransaction("POST /orders", 3, attempt -> validateOrder(attempt)));
      traceIds.put(
          "chained", inTransaction("POST /config/reload", 2, attempt -> loadConfiguration("app-" + attempt)));
      List<Integer> userIds = List.of(17, 4711, 90210);
      traceIds.put(
          "message",
          inTransaction(
              "GET /users/{id}",
              3,
              attempt -> Sentry.captureMessage("user " + userIds.get(attempt) + " not found", SentryLevel.WARNING)));
      Sentry.flush(10_000);
    } finally {
      Sentry.close();
    }
    issues = Issues.awaitEvents(api, project.id(), 12);
  }

  /** Runs {@code action} {@code times} times inside one transaction bound to the scope; returns its trace id. */
  private static String inTransaction(String name, int times, Attempt action) {
    TransactionOptions options = new TransactionOptions();
    options.setBindToScope(true);
    ITransaction transaction = Sentry.startTransaction(name, "http.server", options);
    try {
      repeat(times, action);
      return transaction.getSpanContext().getTraceId().toString();
    } finally {
      transaction.finish();
    }
  }

  private static void repeat(int times, Attempt action) {
    for (int attempt = 0; attempt < times; attempt++) {
      try {
        action.run(attempt);
      } catch (RuntimeException e) {
        Sentry.captureException(e);
      }
    }
  }

  private interface Attempt {
    void run(int attempt);
  }

  private static void validateOrder(int attempt) {
    throw new IllegalStateException("order has no line items");
  }

  private static void loadConfiguration(String name) {
    try {
      readConfigurationFile(name);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to load configuration", e);
    }
  }

  private static void readConfigurationFile(String name) throws IOException {
    throw new IOException("configuration file " + name + ".yaml not found");
  }

  private static int parsePort(String value) {
    return Integer.parseInt(value);
  }

  @Test
  void groupsTwelveEventsIntoFourIssues() {
    assertThat(issues).hasSize(4);
    assertThat(issues).extracting(issue -> issue.path("count").asLong()).containsExactlyInAnyOrder(3L, 2L, 4L, 3L);
  }

  @Test
  void illegalStateExceptionRaisedThreeTimesAtOneSiteIsOneIssue() {
    JsonNode issue = withTitle(issues, "IllegalStateException: order has no line items");
    assertThat(issue.path("count").asLong()).isEqualTo(3);
    // As in Sentry, an event raised inside a transaction is blamed on the transaction.
    assertThat(issue.path("culprit").asText()).isEqualTo("POST /orders");
    assertThat(issue.path("level").asText()).isEqualTo("error");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    JsonNode exception = mainException(latest);
    assertThat(exception.path("module").asText()).isEqualTo("java.lang");
    assertThat(inAppFunctions(exception)).contains("repeat", "validateOrder").last().isEqualTo("validateOrder");
    JsonNode raisingFrame = Issues.frames(exception).get(Issues.frames(exception).size() - 1);
    assertThat(raisingFrame.path("module").asText()).isEqualTo(JavaSdkTest.class.getName());
    assertThat(raisingFrame.path("filename").asText()).isEqualTo("JavaSdkTest.java");
    assertThat(raisingFrame.path("lineno").asInt()).isPositive();
    assertTraceId(latest, traceIds.get("illegal_state"));
    assertThat(payload(latest).path("release").asText()).isEqualTo("e2e@1.0");
    assertThat(payload(latest).path("environment").asText()).isEqualTo("e2e");
  }

  @Test
  void chainedExceptionIsTitledAfterTheOuterExceptionAndKeepsItsCause() {
    JsonNode issue = withTitle(issues, "UncheckedIOException: failed to load configuration");
    assertThat(issue.path("count").asLong()).isEqualTo(2);
    assertThat(issue.path("culprit").asText()).isEqualTo("POST /config/reload");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    assertThat(exceptionTypes(latest)).extracting(JsonNode::asText).containsExactly("IOException", "UncheckedIOException");
    assertThat(inAppFunctions(mainException(latest))).last().isEqualTo("loadConfiguration");
    assertTraceId(latest, traceIds.get("chained"));
  }

  @Test
  void numberFormatExceptionsWithDifferentInputsAreOneIssueBlamingTheAppFrame() {
    JsonNode issue = withTitle(issues, "NumberFormatException: For input string");
    assertThat(issue.path("count").asLong()).isEqualTo(4);
    // Raised outside a transaction: blamed on the most recent in-app frame, not on java.lang.Integer.
    assertThat(issue.path("culprit").asText()).isEqualTo(JavaSdkTest.class.getName() + " in parsePort");

    JsonNode latest = api.latestEvent(issue.path("id").asLong());
    JsonNode exception = mainException(latest);
    assertThat(inAppFunctions(exception)).last().isEqualTo("parsePort");
    assertThat(Issues.frames(exception))
        .filteredOn(frame -> frame.path("module").asText().equals("java.lang.Integer"))
        .isNotEmpty()
        .allSatisfy(frame -> assertThat(frame.path("in_app").asBoolean(false)).isFalse());
    assertTraceId(latest, traceIds.get("number_format"));
  }

  @Test
  void messagesDifferingOnlyInTheUserIdAreOneIssue() {
    JsonNode issue = withTitle(issues, "user ");
    assertThat(issue.path("title").asText()).endsWith("not found");
    assertThat(issue.path("count").asLong()).isEqualTo(3);
    assertThat(issue.path("level").asText()).isEqualTo("warning");
    assertThat(issue.path("culprit").asText()).isEqualTo("GET /users/{id}");
    assertTraceId(api.latestEvent(issue.path("id").asLong()), traceIds.get("message"));
  }

  @Test
  void everyEventOfAnIssueCarriesTheTraceItWasRaisedIn() {
    JsonNode issue = withTitle(issues, "NumberFormatException");
    List<JsonNode> events = api.events(issue.path("id").asLong());
    assertThat(events).hasSize(4);
    assertThat(events)
        .extracting(event -> event.path("traceId").asText())
        .containsOnly(traceIds.get("number_format"));
  }
}
