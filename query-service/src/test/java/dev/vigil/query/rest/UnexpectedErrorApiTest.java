package dev.vigil.query.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Failures no mapper expects still answer {@code {"detail": ...}} JSON, even for a browser's Accept header. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class UnexpectedErrorApiTest {

  @Test
  void anOutOfMemoryErrorIsARetryableJsonError() {
    given()
        .header("Authorization", Seed.TOKEN)
        .accept("text/html,application/xhtml+xml,*/*")
        .get("/api/v1/test-failures/out-of-memory")
        .then()
        .statusCode(503)
        .contentType("application/json")
        .header("Retry-After", "5")
        .body("detail", containsString("memory"));
  }

  @Test
  void anUnexpectedExceptionIsAJsonError() {
    given()
        .header("Authorization", Seed.TOKEN)
        .accept("*/*")
        .get("/api/v1/test-failures/bug")
        .then()
        .statusCode(500)
        .contentType("application/json")
        .body("detail", containsString("internal error"));
  }
}
