package dev.vigil.query.prometheus.rest;

import static dev.vigil.query.Tenants.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.TelemetrySeed;
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
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project's Prometheus HTTP API as Grafana and codemirror-promql call it (GET and form POST, bearer
 * tokens, Prometheus's envelope and parameter formats) over catalogue rows of two organizations.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusApiTest {

  static final String FAMILY = "http_server_request_duration_seconds";

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject ClickHouseStorage storage;

  long project;
  long other;
  String token;
  String otherToken;

  @BeforeEach
  void seed() throws Exception {
    if (project != 0) {
      return;
    }
    Tenants tenants = new Tenants(accounts, organizations, tokens);
    Org org = tenants.organization("prom");
    Org otherOrg = tenants.organization("prom-other");
    project = Tenants.project(org, "prom");
    other = Tenants.project(otherOrg, "prom-other");
    // What a Grafana data source is given: an organization token that may read events.
    token = tenants.token(null, org, Scope.EVENT_READ);
    otherToken = tenants.token(null, otherOrg, Scope.EVENT_READ);
    TelemetrySeed seed = new TelemetrySeed(storage);
    seed.series(project, FAMILY + "_bucket", FAMILY, "histogram", 1, "service_name", "checkout", "le", "0.5");
    seed.series(project, FAMILY + "_bucket", FAMILY, "histogram", 2, "service_name", "checkout", "le", "+Inf");
    seed.series(project, FAMILY + "_count", FAMILY, "histogram", 3, "service_name", "payments");
    seed.series(project, "process_cpu_seconds_total", "process_cpu_seconds", "counter", 4, "host", "web-1");
    seed.series(other, "secret_total", "secret", "counter", 5, "tenant", "other");
  }

  private String base(long projectId) {
    return "/api/v1/projects/" + projectId + "/prometheus/api/v1";
  }

  private RequestSpecification api() {
    return bearer(token);
  }

  private JsonPath ok(io.restassured.response.Response r) {
    return r.then().statusCode(200).body("status", is("success")).extract().jsonPath();
  }

  @Test
  void labelNamesIncludeTheMetricNameAndFollowMatchSelectors() {
    assertThat(ok(api().get(base(project) + "/labels")).getList("data", String.class))
        .containsExactly("__name__", "host", "le", "service_name");
    assertThat(ok(api().queryParam("match[]", "process_cpu_seconds_total").get(base(project) + "/labels")).getList("data", String.class))
        .containsExactly("__name__", "host");
    // codemirror-promql and Grafana POST a form by default.
    assertThat(
            ok(given().header("Authorization", "Bearer " + token).formParam("match[]", "{service_name=\"payments\"}")
                    .formParam("start", String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond()))
                    .post(base(project) + "/labels"))
                .getList("data", String.class))
        .containsExactly("__name__", "service_name");
    assertThat(ok(api().queryParam("match[]", "nothing_here").get(base(project) + "/labels")).getList("data")).isEmpty();
  }

  @Test
  void labelValuesListMetricNamesAndValuesOfSelectedSeries() {
    assertThat(ok(api().get(base(project) + "/label/__name__/values")).getList("data", String.class))
        .containsExactly(FAMILY + "_bucket", FAMILY + "_count", "process_cpu_seconds_total");
    assertThat(ok(api().queryParam("match[]", FAMILY + "_bucket").get(base(project) + "/label/le/values")).getList("data", String.class))
        .containsExactly("+Inf", "0.5");
    assertThat(ok(api().queryParam("match[]", "{__name__=~\"http_.*\", service_name!=\"checkout\"}").get(base(project) + "/label/service_name/values"))
        .getList("data", String.class))
        .containsExactly("payments");
    JsonPath limited = ok(api().queryParam("limit", "1").get(base(project) + "/label/__name__/values"));
    assertThat(limited.getList("data")).hasSize(1);
    assertThat(limited.getList("warnings", String.class)).containsExactly("results truncated due to limit");
    api().get(base(project) + "/label/bad-name/values").then().statusCode(400)
        .body("status", is("error")).body("errorType", is("bad_data")).body("error", containsString("invalid label name"));
  }

  @Test
  void seriesAnswersLabelSetsOfEveryMatchSelector() {
    JsonPath series =
        ok(api().queryParam("match[]", "{service_name=\"checkout\", le=\"+Inf\"}").queryParam("match[]", "process_cpu_seconds_total")
            .queryParam("start", Instant.now().minusSeconds(600).toString()).queryParam("end", String.valueOf(Instant.now().getEpochSecond() + 0.5))
            .get(base(project) + "/series"));
    assertThat(series.getList("data", Map.class))
        .containsExactly(
            Map.of("__name__", FAMILY + "_bucket", "service_name", "checkout", "le", "+Inf"),
            Map.of("__name__", "process_cpu_seconds_total", "host", "web-1"));
    assertThat(ok(given().header("Authorization", "Bearer " + token).formParam("match[]", FAMILY + "_count").post(base(project) + "/series"))
        .getList("data.service_name", String.class))
        .containsExactly("payments");

    api().get(base(project) + "/series").then().statusCode(400).body("errorType", is("bad_data")).body("error", is("no match[] parameter provided"));
    api().queryParam("match[]", "rate(x[5m])").get(base(project) + "/series").then().statusCode(400)
        .body("error", containsString("invalid parameter \"match[]\""));
    api().queryParam("match[]", "{job=~\".*\"}").get(base(project) + "/series").then().statusCode(400)
        .body("error", containsString("at least one non-empty matcher"));
    api().queryParam("match[]", "up").queryParam("start", "yesterday").get(base(project) + "/series").then().statusCode(400)
        .body("error", is("invalid parameter \"start\": cannot parse \"yesterday\" to a valid timestamp"));
  }

  @Test
  void metadataDescribesEachFamilyOnce() {
    JsonPath metadata = ok(api().get(base(project) + "/metadata"));
    assertThat(metadata.getMap("data")).containsOnlyKeys(FAMILY, "process_cpu_seconds");
    assertThat(metadata.getList("data." + FAMILY, Map.class))
        .containsExactly(Map.of("type", "histogram", "help", "help of " + FAMILY, "unit", "seconds"));
    assertThat(ok(api().queryParam("metric", "process_cpu_seconds").get(base(project) + "/metadata")).getMap("data"))
        .containsOnlyKeys("process_cpu_seconds");
    assertThat(ok(api().queryParam("limit", "1").get(base(project) + "/metadata")).getMap("data")).hasSize(1);
  }

  @Test
  void buildInfoNamesAPrometheusApiLevel() {
    assertThat(ok(api().get(base(project) + "/status/buildinfo")).getString("data.version")).startsWith("2.");
  }

  @Test
  void queriesAreCheckedAsPrometheusChecksThem() {
    // Evaluation itself: PromqlQueryApiTest.
    api().queryParam("query", "sum(rate(x[5m])").get(base(project) + "/query").then().statusCode(400)
        .body("errorType", is("bad_data")).body("error", containsString("invalid parameter \"query\": 1:"));
    RequestSpecification range = api().queryParam("query", "up").queryParam("start", "1700000000").queryParam("end", "1700003600");
    range.queryParam("step", "0").get(base(project) + "/query_range").then().statusCode(400)
        .body("error", containsString("zero or negative query resolution step"));
    api().queryParam("query", "up").queryParam("start", "1700000000").queryParam("end", "1700003600").queryParam("step", "0.1")
        .get(base(project) + "/query_range").then().statusCode(400).body("error", containsString("exceeded maximum resolution of 11,000 points"));
    api().queryParam("query", "up").queryParam("start", "1700003600").queryParam("end", "1700000000").queryParam("step", "1m")
        .get(base(project) + "/query_range").then().statusCode(400).body("error", is("end timestamp must not be before start time"));
    api().queryParam("query", "up").queryParam("start", "1700000000").queryParam("end", "1700003600")
        .get(base(project) + "/query_range").then().statusCode(400).body("error", containsString("\"step\""));
  }

  @Test
  void otherOrganizationsProjectsAreNotFoundInPrometheusShape() {
    for (String path : List.of("/labels", "/label/__name__/values", "/series?match[]=secret_total", "/metadata", "/status/buildinfo", "/query?query=up")) {
      String body =
          bearer(token).get(base(other) + path).then().statusCode(404).body("status", is("error")).body("errorType", is("not_found"))
              .extract().asString();
      assertThat(body).doesNotContain("secret_total");
    }
    assertThat(ok(bearer(otherToken).get(base(other) + "/label/__name__/values")).getList("data", String.class)).containsExactly("secret_total");
    given().get(base(project) + "/labels").then().statusCode(401);
    given().header("Authorization", Seed.TOKEN).get(base(999_999_999) + "/labels").then().statusCode(404).body("errorType", is("not_found"));
  }
}
