package dev.vigil.query.projects.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Projects and DSN keys through the API. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class ProjectApiTest {

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN).contentType("application/json");
  }

  @Test
  void createsAProjectWithADsnAndRefusesItsSlugTwice() {
    String slug = "web-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> body = Map.of("organization", "default", "slug", slug, "name", "Web", "platform", "javascript");
    JsonPath created = api().body(body).post("/api/v1/projects").then().statusCode(201).extract().jsonPath();
    long id = created.getLong("id");
    String key = created.getString("keys[0].publicKey");
    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(created.getString("keys[0].dsn")).isEqualTo("http://" + key + "@localhost:8010/" + id);
    assertThat(created.getBoolean("keys[0].active")).isTrue();
    assertThat(created.getString("organization")).isEqualTo("default");
    assertThat(created.getString("platform")).isEqualTo("javascript");

    api().body(body).post("/api/v1/projects").then().statusCode(409).body("detail", containsString(slug));
    api().get("/api/v1/projects/" + id).then().statusCode(200).body("slug", is(slug));
    assertThat(api().get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getList("slug")).contains(slug);
  }

  @Test
  void addsKeysAndAnswers404ForUnknownProjects() {
    long id = Seed.project("keys");
    api().post("/api/v1/projects/" + id + "/keys").then().statusCode(201).body("dsn", endsWith("/" + id));
    assertThat(api().get("/api/v1/projects/" + id).then().extract().jsonPath().getList("keys")).hasSize(2);
    api().get("/api/v1/projects/999999999").then().statusCode(404);
    api().post("/api/v1/projects/999999999/keys").then().statusCode(404);
    api().body(Map.of("slug", "Not A Slug")).post("/api/v1/projects").then().statusCode(400);
  }

  @Test
  void servesTheOpenApiDocument() {
    given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/api/v1/projects/{projectId}/issues"));
  }
}
