package dev.vigil.query.logs.rest;

import static dev.vigil.query.TelemetrySeed.log;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.TelemetrySeed;
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

/** Log search, paging and histogram over a handful of records of two services, and another project's. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogApiTest {

  static final String TRACE = "3af7651916cd43dd8448eb211c80319c";

  @Inject ClickHouseStorage storage;

  final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(1800);
  long project;
  long other;

  @BeforeEach
  void seed() {
    if (project != 0) {
      return;
    }
    project = Seed.project("logs");
    other = Seed.project("logs-other");
    new TelemetrySeed(storage).logs(
        log(project, 1, TRACE, "a000000000000003", "checkout", 17, "ERROR", "Payment declined for order 42", t0.plusSeconds(1)),
        log(project, 2, TRACE, "a000000000000004", "payments", 9, "INFO", "charging card ending 4242", t0.plusSeconds(2)),
        log(project, 3, "", "", "checkout", 13, "WARN", "Slow query on orders_table took 2s", t0.plusSeconds(125)),
        log(project, 4, "", "", "checkout", 9, "INFO", "order 43 placed", t0.plusSeconds(300)),
        log(other, 5, TRACE, "c000000000000001", "intruder", 17, "ERROR", "Payment declined secret", t0.plusSeconds(1)));
  }

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN);
  }

  private JsonPath logs(Map<String, ?> params) {
    return api().queryParams(params).get("/api/v1/projects/" + project + "/logs").then().statusCode(200).extract().jsonPath();
  }

  private List<String> ids(Map<String, ?> params) {
    return logs(params).getList("logs.id", String.class);
  }

  @Test
  void searchesNewestFirstWithTraceLinks() {
    JsonPath page = logs(Map.of());
    assertThat(page.getList("logs.id", String.class)).containsExactly("4", "3", "2", "1");
    Map<String, Object> declined = page.getMap("logs[3]");
    assertThat(declined)
        .containsEntry("body", "Payment declined for order 42")
        .containsEntry("traceId", TRACE)
        .containsEntry("spanId", "a000000000000003")
        .containsEntry("severityNumber", 17)
        .containsEntry("severityText", "ERROR")
        .containsEntry("severity", "error")
        .containsEntry("service", "checkout")
        .containsEntry("timestamp", t0.plusSeconds(1).toString());
    assertThat(page.getMap("logs[3].attributes")).containsEntry("order.id", "1");
    assertThat(page.getString("logs[0].traceId")).isNull();
  }

  @Test
  void filtersByServiceSeverityTextAttributeAndTrace() {
    assertThat(ids(Map.of("service", "payments"))).containsExactly("2");
    assertThat(ids(Map.of("severity", "warn"))).containsExactly("3", "1");
    assertThat(ids(Map.of("severity", "17"))).containsExactly("1");
    assertThat(ids(Map.of("q", "payment DECLINED"))).containsExactly("1");
    assertThat(ids(Map.of("q", "declined placed"))).isEmpty();
    assertThat(ids(Map.of("q", "100%"))).isEmpty();
    assertThat(ids(Map.of("attr", "order.id:3"))).containsExactly("3");
    assertThat(ids(Map.of("attr", "service.name:checkout"))).containsExactly("4", "3", "1");
    assertThat(ids(Map.of("traceId", TRACE.toUpperCase()))).containsExactly("2", "1");
  }

  @Test
  void pagesWithAnOpaqueCursor() {
    JsonPath first = logs(Map.of("limit", "3"));
    assertThat(first.getList("logs.id", String.class)).containsExactly("4", "3", "2");
    JsonPath second = logs(Map.of("limit", "3", "cursor", first.getString("nextCursor")));
    assertThat(second.getList("logs.id", String.class)).containsExactly("1");
    assertThat(second.getString("nextCursor")).isNull();
  }

  @Test
  void countsPerZeroFilledBucketAndSeverity() {
    String from = t0.toString();
    String to = t0.plusSeconds(600).toString();
    JsonPath histogram =
        api().queryParams(Map.of("from", from, "to", to, "step", "1m"))
            .get("/api/v1/projects/" + project + "/logs/histogram").then().statusCode(200).extract().jsonPath();
    assertThat(histogram.getLong("stepSeconds")).isEqualTo(60);
    assertThat(histogram.getList("buckets.t", Long.class)).hasSize(10).first().isEqualTo(t0.getEpochSecond());
    assertThat(histogram.getList("buckets.count", Integer.class)).containsExactly(2, 0, 1, 0, 0, 1, 0, 0, 0, 0);
    assertThat(histogram.getMap("buckets[0].bySeverity")).containsEntry("error", 1).containsEntry("info", 1);
    JsonPath auto =
        api().queryParams(Map.of("from", from, "to", to, "q", "declined"))
            .get("/api/v1/projects/" + project + "/logs/histogram").then().statusCode(200).extract().jsonPath();
    assertThat(auto.getLong("stepSeconds")).isEqualTo(10);
    assertThat(auto.getList("buckets")).hasSize(60);
    assertThat(auto.getList("buckets.count", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
  }

  @Test
  void listsTheServicesThatLoggedInTheRange() {
    JsonPath all = api().get("/api/v1/projects/" + project + "/logs/services").then().statusCode(200).extract().jsonPath();
    assertThat(all.getList("services", String.class)).containsExactly("checkout", "payments");
    JsonPath later =
        api().queryParams(Map.of("from", t0.plusSeconds(60).toString(), "to", t0.plusSeconds(600).toString()))
            .get("/api/v1/projects/" + project + "/logs/services").then().statusCode(200).extract().jsonPath();
    assertThat(later.getList("services", String.class)).containsExactly("checkout");
  }

  @Test
  void keepsProjectsApartAndRejectsBadParameters() {
    JsonPath foreign = api().get("/api/v1/projects/" + other + "/logs").then().statusCode(200).extract().jsonPath();
    assertThat(foreign.getList("logs.id", String.class)).containsExactly("5");
    api().get("/api/v1/projects/999999999/logs").then().statusCode(404);
    String base = "/api/v1/projects/" + project + "/logs";
    api().queryParam("severity", "loud").get(base).then().statusCode(400).body("detail", containsString("severity"));
    api().queryParam("traceId", "xyz").get(base).then().statusCode(400).body("detail", containsString("trace id"));
    api().queryParam("limit", "5000").get(base).then().statusCode(400);
    api().queryParam("cursor", "Zm9vOmJhcg").get(base).then().statusCode(400).body("detail", containsString("cursor"));
    api().queryParam("attr", ":x").get(base).then().statusCode(400);
    api().queryParam("step", "1s").get(base + "/histogram").then().statusCode(400).body("detail", containsString("buckets"));
    api().queryParam("step", "often").get(base + "/histogram").then().statusCode(400);
  }
}
