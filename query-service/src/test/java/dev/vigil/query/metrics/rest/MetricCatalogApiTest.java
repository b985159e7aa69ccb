package dev.vigil.query.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Metric names, label names and label values of today's catalogue rows, per project. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricCatalogApiTest {

  @Inject ClickHouseStorage storage;

  long project;
  long other;

  @BeforeEach
  void seed() throws Exception {
    if (project != 0) {
      return;
    }
    project = Seed.project("metrics");
    other = Seed.project("metrics-other");
    TelemetrySeed seed = new TelemetrySeed(storage);
    String family = "http_server_request_duration_seconds";
    seed.series(project, family + "_bucket", family, "histogram", 1, "service_name", "checkout", "le", "0.5");
    seed.series(project, family + "_count", family, "histogram", 2, "service_name", "payments");
    seed.series(project, "process_cpu_seconds_total", "process_cpu_seconds", "counter", 3, "host", "web-1");
    seed.series(other, "secret_total", "secret", "counter", 4, "tenant", "other");
  }

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN);
  }

  private JsonPath get(long projectId, String path, Map<String, ?> params) {
    return api().queryParams(params).get("/api/v1/projects/" + projectId + "/metrics" + path).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void listsNamesWithMetadata() {
    JsonPath names = get(project, "/names", Map.of());
    assertThat(names.getList("metrics.name", String.class))
        .containsExactly("http_server_request_duration_seconds_bucket", "http_server_request_duration_seconds_count", "process_cpu_seconds_total");
    assertThat(names.getMap("metrics[2]"))
        .containsEntry("family", "process_cpu_seconds")
        .containsEntry("type", "counter")
        .containsEntry("unit", "seconds")
        .containsEntry("help", "help of process_cpu_seconds");
    assertThat(get(project, "/names", Map.of("match", "CPU")).getList("metrics.name", String.class)).containsExactly("process_cpu_seconds_total");
    assertThat(get(other, "/names", Map.of()).getList("metrics.name", String.class)).containsExactly("secret_total");
  }

  @Test
  void listsLabelNamesAndValues() {
    assertThat(get(project, "/labels", Map.of()).getList("labels", String.class)).containsExactly("host", "le", "service_name");
    assertThat(get(project, "/labels", Map.of("metric", "http_server_request_duration_seconds")).getList("labels", String.class))
        .containsExactly("le", "service_name");
    assertThat(get(project, "/labels/service_name/values", Map.of()).getList("values", String.class)).containsExactly("checkout", "payments");
    assertThat(get(project, "/labels/service_name/values", Map.of("metric", "http_server_request_duration_seconds_count"))
        .getList("values", String.class)).containsExactly("payments");
    assertThat(get(project, "/labels/tenant/values", Map.of()).getList("values")).isEmpty();
    assertThat(get(project, "/labels/__name__/values", Map.of("metric", "process_cpu_seconds")).getList("values", String.class))
        .containsExactly("process_cpu_seconds_total");
  }

  @Test
  void rejectsBadNamesAndUnknownProjects() {
    api().get("/api/v1/projects/" + project + "/metrics/labels/bad-label/values").then().statusCode(400);
    api().queryParam("metric", "x' OR 1=1").get("/api/v1/projects/" + project + "/metrics/labels").then().statusCode(400);
    api().queryParam("limit", "0").get("/api/v1/projects/" + project + "/metrics/names").then().statusCode(400);
    api().get("/api/v1/projects/999999999/metrics/names").then().statusCode(404);
  }
}
