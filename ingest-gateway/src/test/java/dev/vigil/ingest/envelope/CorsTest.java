package dev.vigil.ingest.envelope;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.anyOf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

  @Test
  void answersThePreflightOfABrowserSdk() {
    given()
        .header("Origin", "https://shop.example.com")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,x-sentry-auth,sentry-trace,baggage")
        .options("/api/1/envelope/")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", anyOf(equalTo("https://shop.example.com"), equalTo("*")))
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsStringIgnoringCase("x-sentry-auth"));
  }

  @Test
  void exposesTheSentryHeadersOnErrors() {
    given()
        .header("Origin", "https://shop.example.com")
        .body("{}")
        .post("/api/1/envelope/")
        .then()
        .statusCode(401)
        .header("Access-Control-Allow-Origin", anyOf(equalTo("https://shop.example.com"), equalTo("*")))
        .header("Access-Control-Expose-Headers", containsStringIgnoringCase("X-Sentry-Rate-Limits"))
        .header("Access-Control-Expose-Headers", containsStringIgnoringCase("Retry-After"))
        .header("Access-Control-Expose-Headers", containsStringIgnoringCase("X-Sentry-Error"));
  }
}
