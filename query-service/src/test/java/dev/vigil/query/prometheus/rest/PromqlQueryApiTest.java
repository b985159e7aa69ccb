package dev.vigil.query.prometheus.rest;

import static dev.vigil.query.Tenants.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PromQL over a project's samples through {@code /query} and {@code /query_range}, as Grafana calls them:
 * counters of two services written by the storage's metric writer (as event-processor writes them),
 * counting 6 requests per 15 s (api) and 3 per 15 s (worker) for ten minutes.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromqlQueryApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long END = Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
  private static final long STEP = 15_000;

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject ClickHouseStorage storage;

  long project;
  long sibling;
  String token;

  @BeforeEach
  void seed() {
    if (project != 0) {
      return;
    }
    Tenants tenants = new Tenants(accounts, organizations, tokens);
    Org org = tenants.organization("promql");
    project = Tenants.project(org, "promql");
    sibling = Tenants.project(org, "promql-sibling");
    token = tenants.token(null, org, Scope.EVENT_READ);
    List<MetricSeries> series = new ArrayList<>();
    List<MetricSample> samples = new ArrayList<>();
    counter(series, samples, "http_requests_total", 101, Map.of("job", "api"), 6);
    counter(series, samples, "http_requests_total", 102, Map.of("job", "worker"), 3);
    // Same labels once the name is dropped: rate() over both cannot form one vector.
    counter(series, samples, "jobs_done_total", 103, Map.of("job", "api"), 1);
    storage.metricWriter().insert(new MetricBatch(series, samples, List.of()), "promql-api-" + UUID.randomUUID());
  }

  private void counter(List<MetricSeries> series, List<MetricSample> samples, String name, long fp, Map<String, String> labels, int slope) {
    series.add(new MetricSeries(project, name, fp, labels, name, MetricType.COUNTER, "", ""));
    for (int i = 0; i <= 40; i++) {
      samples.add(new MetricSample(project, name, fp, END - 600_000 + i * STEP, (double) slope * i));
    }
  }

  private String base(long projectId) {
    return "/api/v1/projects/" + projectId + "/prometheus/api/v1";
  }

  private static JsonNode ok(Response r) throws Exception {
    JsonNode body = JSON.readTree(r.then().statusCode(200).body("status", is("success")).extract().asString());
    return body;
  }

  private static BigDecimal seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros();
  }

  @Test
  void instantQueriesAnswerAVectorWithStringValuesAtTheQueryTime() throws Exception {
    JsonNode body = ok(bearer(token).queryParam("query", "sum by (job) (rate(http_requests_total[5m]))")
        .queryParam("time", seconds(END).toPlainString()).get(base(project) + "/query"));
    assertThat(body.at("/data/resultType").asText()).isEqualTo("vector");
    JsonNode result = body.at("/data/result");
    assertThat(result).hasSize(2);
    // Values are strings; the engine computes as Prometheus does (0.39999999999999997 for 0.4).
    Map<String, Double> byJob = Map.of(
        result.get(0).at("/metric/job").asText(), Double.parseDouble(result.get(0).at("/value/1").asText()),
        result.get(1).at("/metric/job").asText(), Double.parseDouble(result.get(1).at("/value/1").asText()));
    assertThat(byJob.get("api")).isCloseTo(0.4, within(1e-12));
    assertThat(byJob.get("worker")).isCloseTo(0.2, within(1e-12));
    assertThat(result.get(0).at("/value/1").isTextual()).isTrue();
    assertThat(result.get(0).at("/value/0").decimalValue()).isEqualByComparingTo(seconds(END));
    assertThat(result.get(0).at("/value/0").isNumber()).isTrue();
    assertThat(body.has("warnings")).isFalse();
  }

  @Test
  void rangeQueriesAnswerAMatrixForFormPostsAndFloatSteps() throws Exception {
    JsonNode body = ok(given().header("Authorization", "Bearer " + token)
        .formParam("query", "rate(http_requests_total{job=\"api\"}[5m]) * 60")
        .formParam("start", seconds(END - 120_000).toPlainString())
        .formParam("end", Instant.ofEpochMilli(END).toString())
        .formParam("step", "60")
        .post(base(project) + "/query_range"));
    assertThat(body.at("/data/resultType").asText()).isEqualTo("matrix");
    JsonNode only = body.at("/data/result/0");
    assertThat(body.at("/data/result")).hasSize(1);
    assertThat(only.at("/metric").toString()).isEqualTo("{\"job\":\"api\"}");
    assertThat(only.at("/values")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(only.at("/values/" + i + "/0").decimalValue()).isEqualByComparingTo(seconds(END - 120_000 + i * 60_000L));
      assertThat(Double.parseDouble(only.at("/values/" + i + "/1").asText())).isCloseTo(24, within(1e-12));
    }
  }

  @Test
  void scalarsStringsAndRangeSelectorsKeepTheirResultTypes() throws Exception {
    String at = seconds(END).toPlainString();
    JsonNode scalar = ok(bearer(token).queryParam("query", "1 / 0").queryParam("time", at).get(base(project) + "/query"));
    assertThat(scalar.at("/data").toString()).isEqualTo("{\"resultType\":\"scalar\",\"result\":[" + at + ",\"+Inf\"]}");
    JsonNode string = ok(bearer(token).queryParam("query", "\"hello\"").queryParam("time", at).get(base(project) + "/query"));
    assertThat(string.at("/data/result/1").asText()).isEqualTo("hello");
    JsonNode raw = ok(bearer(token).queryParam("query", "http_requests_total{job=\"worker\"}[1m]").queryParam("time", at)
        .get(base(project) + "/query"));
    assertThat(raw.at("/data/resultType").asText()).isEqualTo("matrix");
    assertThat(raw.at("/data/result/0/metric/__name__").asText()).isEqualTo("http_requests_total");
    assertThat(raw.at("/data/result/0/values")).hasSize(4);
    assertThat(raw.at("/data/result/0/values/3/1").asText()).isEqualTo("120");
  }

  @Test
  void aLimitCutsTheSeriesAndWarns() throws Exception {
    JsonNode body = ok(bearer(token).queryParam("query", "http_requests_total").queryParam("time", seconds(END).toPlainString())
        .queryParam("limit", "1").get(base(project) + "/query"));
    assertThat(body.at("/data/result")).hasSize(1);
    assertThat(body.at("/warnings/0").asText()).isEqualTo("results truncated due to limit");
  }

  @Test
  void evaluationErrorsAnswerInPrometheusShape() {
    bearer(token).queryParam("query", "rate({__name__=~\"http_requests_total|jobs_done_total\", job=\"api\"}[5m])")
        .queryParam("time", seconds(END).toPlainString()).get(base(project) + "/query")
        .then().statusCode(422).body("status", is("error")).body("errorType", is("execution"))
        .body("error", containsString("same labelset"));
    bearer(token).queryParam("query", "http_requests_total[5m]").queryParam("start", "1700000000").queryParam("end", "1700000060")
        .queryParam("step", "15s").get(base(project) + "/query_range")
        .then().statusCode(400).body("errorType", is("bad_data")).body("error", containsString("range query"));
  }

  @Test
  void aProjectSeesOnlyItsOwnSamples() throws Exception {
    JsonNode body = ok(bearer(token).queryParam("query", "http_requests_total").queryParam("time", seconds(END).toPlainString())
        .get(base(sibling) + "/query"));
    assertThat(body.at("/data/result")).isEmpty();
  }
}
