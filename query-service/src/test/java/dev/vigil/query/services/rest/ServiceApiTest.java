package dev.vigil.query.services.rest;

import static dev.vigil.query.TelemetrySeed.span;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;

import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.StatusCode;
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

/** Services with RED figures, operations and the service map over two traces of three services. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceApiTest {

  @Inject ClickHouseStorage storage;

  final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(900);
  long project;
  long other;

  @BeforeEach
  void seed() {
    if (project != 0) {
      return;
    }
    project = Seed.project("services");
    other = Seed.project("services-other");
    String a = "1af7651916cd43dd8448eb211c80319c";
    String b = "2af7651916cd43dd8448eb211c80319c";
    new TelemetrySeed(storage).spans(
        span(project, a, "a000000000000001", "", "frontend", "GET /checkout", SpanKind.SERVER, StatusCode.UNSET, t0, 400, Map.of()),
        span(project, a, "a000000000000002", "a000000000000001", "frontend", "POST checkout", SpanKind.CLIENT, StatusCode.ERROR, t0.plusMillis(10), 350, Map.of()),
        span(project, a, "a000000000000003", "a000000000000002", "checkout", "POST /orders", SpanKind.SERVER, StatusCode.ERROR, t0.plusMillis(20), 300, Map.of()),
        span(project, a, "a000000000000004", "a000000000000003", "payments", "charge", SpanKind.SERVER, StatusCode.OK, t0.plusMillis(30), 100, Map.of()),
        span(project, b, "b000000000000001", "", "checkout", "GET /orders", SpanKind.SERVER, StatusCode.UNSET, t0.plusSeconds(60), 50, Map.of()),
        span(project, b, "b000000000000002", "b000000000000001", "payments", "charge", SpanKind.SERVER, StatusCode.UNSET, t0.plusSeconds(60), 20, Map.of()),
        span(other, a, "c000000000000001", "", "intruder", "GET /secret", SpanKind.SERVER, StatusCode.ERROR, t0, 10, Map.of()));
  }

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN);
  }

  private JsonPath get(String path) {
    return api().get("/api/v1/projects/" + project + path).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void listsServicesWithRedFiguresOfEntrySpans() {
    JsonPath services = get("/services");
    assertThat(services.getList("services.name", String.class)).containsExactlyInAnyOrder("frontend", "checkout", "payments");
    assertThat(services.getString("from")).isNotBlank();
    Map<String, Object> checkout = services.getMap("services.find { it.name == 'checkout' }");
    assertThat(checkout).containsEntry("spanCount", 2).containsEntry("errorCount", 1);
    assertThat(((Number) checkout.get("errorRate")).doubleValue()).isCloseTo(0.5, within(1e-6));
    assertThat(((Number) checkout.get("requestRate")).doubleValue()).isCloseTo(2 / 3600.0, within(1e-6));
    assertThat(((Number) checkout.get("p99Ms")).doubleValue()).isCloseTo(300.0, within(5.0));
    assertThat(services.getInt("services.find { it.name == 'frontend' }.spanCount")).isEqualTo(1);
  }

  @Test
  void listsOperationsOfOneService() {
    JsonPath ops = get("/services/checkout/operations");
    assertThat(ops.getString("service")).isEqualTo("checkout");
    assertThat(ops.getList("operations.name", String.class)).containsExactlyInAnyOrder("POST /orders", "GET /orders");
    assertThat(ops.getFloat("operations.find { it.name == 'GET /orders' }.p50Ms")).isCloseTo(50f, within(0.5f));
    assertThat(get("/services/unknown/operations").getList("operations")).isEmpty();
  }

  @Test
  void drawsTheServiceMap() {
    JsonPath map = get("/service-map");
    assertThat(map.getList("nodes.name", String.class)).containsExactly("checkout", "frontend", "payments");
    List<Map<String, Object>> edges = map.getList("edges");
    assertThat(edges).extracting(e -> e.get("parent") + ">" + e.get("child")).containsExactly("checkout>payments", "frontend>checkout");
    assertThat(map.getInt("edges.find { it.parent == 'checkout' }.callCount")).isEqualTo(2);
    assertThat(map.getInt("edges.find { it.parent == 'frontend' }.errorCount")).isEqualTo(1);
    assertThat(map.getFloat("edges.find { it.parent == 'frontend' }.p95Ms")).isCloseTo(300f, within(1f));
  }

  @Test
  void keepsProjectsApartAndValidatesTheRange() {
    JsonPath foreign = api().get("/api/v1/projects/" + other + "/services").then().statusCode(200).extract().jsonPath();
    assertThat(foreign.getList("services.name", String.class)).containsExactly("intruder");
    assertThat(api().get("/api/v1/projects/" + other + "/service-map").then().statusCode(200).extract().jsonPath().getList("edges")).isEmpty();
    String old = "?from=" + t0.minusSeconds(7200).toEpochMilli() + "&to=" + t0.minusSeconds(3600).toEpochMilli();
    assertThat(get("/services" + old).getList("services")).isEmpty();
    api().get("/api/v1/projects/999999999/services").then().statusCode(404);
    api().get("/api/v1/projects/999999999/service-map").then().statusCode(404);
    api().get("/api/v1/projects/" + project + "/services?from=1700000000000&to=1800000000000")
        .then().statusCode(400).body("detail", containsString("at most"));
    api().get("/api/v1/projects/" + project + "/service-map?to=noon").then().statusCode(400).body("detail", containsString("to must be"));
  }
}
