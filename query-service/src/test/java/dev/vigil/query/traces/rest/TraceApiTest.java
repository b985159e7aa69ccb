package dev.vigil.query.traces.rest;

import static dev.vigil.query.TelemetrySeed.log;
import static dev.vigil.query.TelemetrySeed.span;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Seed.E;
import dev.vigil.query.TelemetrySeed;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Trace search, trace by id with its errors and logs, and an issue's traces: two traces of three
 * services in one project, a foreign project reusing a trace id, a Sentry error raised in a span.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceApiTest {

  static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
  static final String TRACE_B = "5b8efff798038103d269b633813fc60c";
  // Seed.events gives traced events this span id, as a Sentry SDK inside that span would.
  static final String ERROR_SPAN = "b7ad6b7169203331";

  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
  long project;
  long other;
  long issue;
  E error;

  @BeforeEach
  void seed() {
    if (project != 0) {
      return;
    }
    project = Seed.project("traces");
    other = Seed.project("traces-other");
    TelemetrySeed telemetry = new TelemetrySeed(storage);
    telemetry.spans(
        span(project, TRACE_A, "a000000000000001", "", "frontend", "GET /checkout", SpanKind.SERVER, StatusCode.UNSET, t0, 400, Map.of()),
        span(project, TRACE_A, "a000000000000002", "a000000000000001", "frontend", "POST checkout", SpanKind.CLIENT, StatusCode.UNSET, at(10), 350, Map.of()),
        span(project, TRACE_A, ERROR_SPAN, "a000000000000002", "checkout", "POST /orders", SpanKind.SERVER, StatusCode.ERROR, at(20), 300,
            Map.of("user.tier", "gold")),
        span(project, TRACE_A, "a000000000000004", ERROR_SPAN, "payments", "charge", SpanKind.SERVER, StatusCode.OK, at(30), 100, Map.of()),
        span(project, TRACE_B, "b000000000000001", "", "checkout", "POST /orders", SpanKind.SERVER, StatusCode.UNSET, at(300_000), 50, Map.of()),
        span(project, TRACE_B, "b000000000000002", "b000000000000001", "payments", "charge", SpanKind.SERVER, StatusCode.UNSET, at(300_010), 20, Map.of()),
        span(other, TRACE_A, "c000000000000001", "", "intruder", "GET /secret", SpanKind.SERVER, StatusCode.ERROR, at(5), 10, Map.of()));
    telemetry.logs(
        log(project, 101, TRACE_A, ERROR_SPAN, "checkout", 17, "ERROR", "Payment declined for order 42", at(25)),
        log(project, 102, TRACE_A, "a000000000000004", "payments", 9, "INFO", "charging card", at(35)),
        log(project, 103, "", "", "checkout", 13, "WARN", "slow query", at(120_000)),
        log(other, 104, TRACE_A, "c000000000000001", "intruder", 17, "ERROR", "secret", at(26)));
    Seed seed = new Seed(upserts, storage);
    issue = seed.issue(project, "PaymentError: declined", "checkout.orders in create", "error", at(25), at(25));
    error = E.of(project, issue, at(25)).trace(TRACE_A);
    seed.events(error);
  }

  private Instant at(long millis) {
    return t0.plusMillis(millis);
  }

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN);
  }

  private JsonPath search(long projectId, Map<String, ?> params) {
    return api().queryParams(params).get("/api/v1/projects/" + projectId + "/traces").then().statusCode(200).extract().jsonPath();
  }

  private List<String> ids(Map<String, ?> params) {
    return search(project, params).getList("traces.traceId");
  }

  @Test
  void searchesTheLastHourNewestFirst() {
    JsonPath page = search(project, Map.of());
    assertThat(page.getList("traces.traceId", String.class)).containsExactly(TRACE_B, TRACE_A);
    assertThat(page.getString("nextCursor")).isNull();
    Map<String, Object> a = page.getMap("traces[1]");
    assertThat(a)
        .containsEntry("rootService", "frontend")
        .containsEntry("rootName", "GET /checkout")
        .containsEntry("start", t0.toString())
        .containsEntry("durationMs", 400.0f)
        .containsEntry("spanCount", 4)
        .containsEntry("errorSpanCount", 1);
    assertThat(page.getList("traces[1].services", String.class)).containsExactly("checkout", "frontend", "payments");
  }

  @Test
  void filtersByServiceOperationDurationStatusAndAttributes() {
    assertThat(ids(Map.of("service", "frontend"))).containsExactly(TRACE_A);
    assertThat(ids(Map.of("service", "checkout", "operation", "POST /orders"))).containsExactly(TRACE_B, TRACE_A);
    assertThat(ids(Map.of("minDuration", "200"))).containsExactly(TRACE_A);
    assertThat(ids(Map.of("maxDuration", "60"))).containsExactly(TRACE_B);
    assertThat(ids(Map.of("status", "error"))).containsExactly(TRACE_A);
    assertThat(ids(Map.of("status", "ok"))).containsExactly(TRACE_A);
    assertThat(ids(Map.of("attr", "user.tier:gold"))).containsExactly(TRACE_A);
    assertThat(ids(Map.of("attr", "deployment.environment:production"))).containsExactly(TRACE_B, TRACE_A);
    assertThat(ids(Map.of("attr", "user.tier:silver"))).isEmpty();
    assertThat(ids(Map.of("from", String.valueOf(t0.minusSeconds(60).toEpochMilli()), "to", at(1000).toString()))).containsExactly(TRACE_A);
  }

  @Test
  void pagesWithAnOpaqueCursor() {
    JsonPath first = search(project, Map.of("limit", "1"));
    assertThat(first.getList("traces.traceId", String.class)).containsExactly(TRACE_B);
    String cursor = first.getString("nextCursor");
    assertThat(cursor).isNotBlank();
    JsonPath second = search(project, Map.of("limit", "1", "cursor", cursor));
    assertThat(second.getList("traces.traceId", String.class)).containsExactly(TRACE_A);
    assertThat(second.getString("nextCursor")).isNull();
  }

  @Test
  void readsATraceAsADepthFirstSpanListWithErrorsAndLogs() {
    JsonPath trace = api().get("/api/v1/projects/" + project + "/traces/" + TRACE_A).then().statusCode(200).extract().jsonPath();
    assertThat(trace.getString("traceId")).isEqualTo(TRACE_A);
    assertThat(trace.getString("start")).isEqualTo(t0.toString());
    assertThat(trace.getDouble("durationMs")).isEqualTo(400.0);
    assertThat(trace.getList("services", String.class)).containsExactly("checkout", "frontend", "payments");
    assertThat(trace.getList("spans.spanId", String.class))
        .containsExactly("a000000000000001", "a000000000000002", ERROR_SPAN, "a000000000000004");
    assertThat(trace.getList("spans.depth", Integer.class)).containsExactly(0, 1, 2, 3);
    assertThat(trace.getList("spans[0].childSpanIds", String.class)).containsExactly("a000000000000002");
    assertThat(trace.getString("spans[0].parentSpanId")).isNull();
    Map<String, Object> failing = trace.getMap("spans[2]");
    assertThat(failing)
        .containsEntry("parentSpanId", "a000000000000002")
        .containsEntry("service", "checkout")
        .containsEntry("kind", "server")
        .containsEntry("status", "error")
        .containsEntry("statusMessage", "payment failed")
        .containsEntry("durationNanos", 300_000_000)
        .containsEntry("source", "otlp")
        .containsEntry("start", at(20).toString());
    assertThat(trace.getMap("spans[2].attributes")).containsEntry("user.tier", "gold");
    assertThat(trace.getMap("spans[2].resourceAttributes")).containsEntry("deployment.environment", "production");
    assertThat(trace.getString("spans[2].events[0].name")).isEqualTo("exception");
    assertThat(trace.getList("errors.eventId", String.class)).containsExactly(error.eventId().toString().replace("-", ""));
    assertThat(trace.getString("errors[0].spanId")).isEqualTo(ERROR_SPAN);
    assertThat(trace.getLong("errors[0].issueId")).isEqualTo(issue);
    assertThat(trace.getString("errors[0].title")).isNotBlank();
    assertThat(trace.getList("logs.id", String.class)).containsExactly("101", "102");
    assertThat(trace.getString("logs[0].traceId")).isEqualTo(TRACE_A);
    assertThat(trace.getString("logs[0].spanId")).isEqualTo(ERROR_SPAN);
    assertThat(trace.getString("logs[0].severity")).isEqualTo("error");
  }

  @Test
  void keepsProjectsApart() {
    assertThat(search(other, Map.of()).getList("traces.traceId", String.class)).containsExactly(TRACE_A);
    assertThat(search(other, Map.of()).getList("traces[0].services", String.class)).containsExactly("intruder");
    JsonPath foreign = api().get("/api/v1/projects/" + other + "/traces/" + TRACE_A).then().statusCode(200).extract().jsonPath();
    assertThat(foreign.getList("spans.service", String.class)).containsExactly("intruder");
    assertThat(foreign.getList("errors")).isEmpty();
    assertThat(foreign.getList("logs.id", String.class)).containsExactly("104");
  }

  @Test
  void answers404ForUnknownTracesProjectsAndIssues() {
    api().get("/api/v1/projects/" + project + "/traces/ffffffffffffffffffffffffffffffff")
        .then().statusCode(404).body("detail", containsString("trace ffffffffffffffffffffffffffffffff does not exist"));
    api().get("/api/v1/projects/999999999/traces").then().statusCode(404);
    api().get("/api/v1/projects/999999999/traces/" + TRACE_A).then().statusCode(404);
    api().get("/api/v1/projects/" + other + "/issues/" + issue + "/traces").then().statusCode(404);
    api().get("/api/v1/projects/" + project + "/issues/999999999/traces").then().statusCode(404);
  }

  @Test
  void answers400ForBadParameters() {
    String base = "/api/v1/projects/" + project + "/traces";
    api().queryParam("status", "failed").get(base).then().statusCode(400).body("detail", containsString("status"));
    api().queryParam("minDuration", "-1").get(base).then().statusCode(400).body("detail", containsString("minDuration"));
    api().queryParam("maxDuration", "fast").get(base).then().statusCode(400);
    api().queryParam("from", "yesterday").get(base).then().statusCode(400).body("detail", containsString("from"));
    api().queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z").get(base)
        .then().statusCode(400).body("detail", containsString("at most"));
    api().queryParam("from", "1700000000000").queryParam("to", "1600000000000").get(base).then().statusCode(400);
    api().queryParam("cursor", "not-a-cursor").get(base).then().statusCode(400).body("detail", containsString("cursor"));
    api().queryParam("attr", "no-colon").get(base).then().statusCode(400).body("detail", containsString("attr"));
    api().queryParam("limit", "0").get(base).then().statusCode(400);
    api().get(base + "/not-a-trace-id").then().statusCode(400).body("detail", containsString("trace id"));
    given().get(base).then().statusCode(401);
  }

  @Test
  void linksAnIssueAndItsEventsToTheirTrace() {
    JsonPath traces = api().get("/api/v1/projects/" + project + "/issues/" + issue + "/traces").then().statusCode(200).extract().jsonPath();
    assertThat(traces.getLong("issueId")).isEqualTo(issue);
    assertThat(traces.getList("traces.traceId", String.class)).containsExactly(TRACE_A);
    assertThat(traces.getInt("traces[0].eventCount")).isEqualTo(1);
    assertThat(traces.getString("traces[0].lastSeen")).isEqualTo(at(25).toString());
    String eventId = error.eventId().toString().replace("-", "");
    JsonPath event = api().get("/api/v1/projects/" + project + "/events/" + eventId).then().statusCode(200).extract().jsonPath();
    assertThat(event.getString("traceId")).isEqualTo(TRACE_A);
    assertThat(event.getString("spanId")).isEqualTo(ERROR_SPAN);
  }
}
