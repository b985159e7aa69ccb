package dev.vigil.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the packaged UI is served: deep links, caching, and the single-origin API proxy. */
@QuarkusTest
@QuarkusTestResource(UpstreamServices.class)
class WebUiServingTest {

  @Test
  void deepLinksAnswerTheAppShellSoAReloadKeepsThePage() {
    for (String path : new String[] {"/", "/projects/3/traces/0af7651916cd43dd8448eb211c80319c", "/login", "/projects/1/issues?status=all"}) {
      given()
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .header("Cache-Control", "no-cache")
          .body(containsString("<div id=\"root\"></div>"));
    }
  }

  @Test
  void hashedAssetsAreCachedForeverAndMissingFilesStay404() throws Exception {
    String asset = anyBuiltAsset();
    given().get("/assets/" + asset).then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
    given().get("/assets/no-such-chunk-1234.js").then().statusCode(404);
  }

  @Test
  void apiCallsReachQueryServiceWithCookiesCsrfAndBodyIntact() {
    given()
        .cookie("vigil_session", "s3cret")
        .header("X-CSRF-Token", "t0ken")
        .contentType("application/json")
        .body("{\"status\":\"resolved\"}")
        .put("/api/v1/projects/3/issues?id=42&id=43")
        .then()
        .statusCode(200)
        .header("Set-Cookie", containsString("vigil_session=abc"))
        .body("method", equalTo("PUT"))
        .body("uri", equalTo("/api/v1/projects/3/issues?id=42&id=43"))
        .body("cookie", equalTo("vigil_session=s3cret"))
        .body("csrf", equalTo("t0ken"))
        .body("body", equalTo("{\"status\":\"resolved\"}"));
  }

  @Test
  void apiErrorsPassThroughUnchangedAndAreNotCachedByTheUi() {
    given().get("/api/v1/issues/missing").then().statusCode(404).header("Cache-Control", nullValue());
  }

  @Test
  void aServiceThatIsDownAnswers502NotTheAppShell() {
    given().get("/api/v1/alerting/rules").then().statusCode(502);
  }

  private static String anyBuiltAsset() throws Exception {
    Path assets = Path.of("target/classes/META-INF/resources/assets");
    try (Stream<Path> files = Files.list(assets)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).findFirst().orElseThrow();
    }
  }
}
