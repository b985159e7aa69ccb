package dev.vigil.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.ingest.Fixtures;
import dev.vigil.ingest.TestProjects;
import dev.vigil.ingest.TestProjects.TestProject;
import dev.vigil.sentry.envelope.EventIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

  @Inject TestProjects projects;

  static TestProject project;
  static TestProject otherProject;

  @BeforeEach
  void createProjects() {
    if (project == null) {
      project = projects.create();
      otherProject = projects.create();
    }
  }

  @Test
  void acceptsXSentryAuth() {
    accepted(given().header("X-Sentry-Auth", project.auth()));
  }

  @Test
  void acceptsAuthorizationSentry() {
    accepted(given().header("Authorization", "Sentry sentry_key=" + project.publicKey() + ", sentry_version=7"));
  }

  @Test
  void acceptsTheSecretOfOldSdks() {
    accepted(given().header("X-Sentry-Auth", "Sentry sentry_key=" + project.publicKey() + ", sentry_secret=" + project.secretKey()));
    refused(given().header("X-Sentry-Auth", "Sentry sentry_key=" + project.publicKey() + ", sentry_secret=wrong"), 401);
  }

  @Test
  void acceptsTheQueryStringOfBrowserSdks() {
    accepted(given().queryParam("sentry_key", project.publicKey()).queryParam("sentry_version", "7")
        .queryParam("sentry_client", "sentry.javascript.browser/8.42.0"));
  }

  @Test
  void acceptsTheDsnInTheEnvelopeHeaderWhenNothingElseIsGiven() {
    String eventId = EventIds.generate();
    String body = "{\"event_id\":\"" + eventId + "\",\"dsn\":\"" + project.dsn() + "\"}\n{\"type\":\"event\"}\n{}\n";
    given().body(body).post("/api/{p}/envelope/", project.id()).then().statusCode(200).body("id", equalTo(eventId));
  }

  @Test
  void acceptsTheSameKeyGivenTwice() {
    accepted(given().header("X-Sentry-Auth", project.auth()).queryParam("sentry_key", project.publicKey()));
  }

  @Test
  void refusesDisagreeingCredentials() {
    refused(given().header("X-Sentry-Auth", project.auth()).queryParam("sentry_key", otherProject.publicKey()), 401)
        .body("detail", equalTo("multiple authorization payloads detected"));
    refused(given().header("X-Sentry-Auth", project.auth()).header("Authorization", otherProject.auth()), 401);
  }

  @Test
  void refusesAMissingKey() {
    refused(given(), 401).body("detail", equalTo("missing authorization information"));
    refused(given().header("X-Sentry-Auth", "Sentry sentry_version=7"), 401);
    given().body("{}").post("/api/{p}/store/", project.id()).then().statusCode(401);
  }

  @Test
  void refusesAnUnknownKey() {
    refused(given().queryParam("sentry_key", "0123456789abcdef0123456789abcdef"), 401)
        .header("X-Sentry-Error", equalTo("unknown sentry_key"));
  }

  @Test
  void refusesAnotherProjectsKey() {
    refused(given().header("X-Sentry-Auth", otherProject.auth()), 403).body("detail", containsString("ProjectId"));
  }

  @Test
  void refusesAnUnknownOrMalformedProject() {
    given().header("X-Sentry-Auth", project.auth()).body(envelope())
        .post("/api/{p}/envelope/", 999_999_999L).then().statusCode(403).body("detail", containsString("ProjectId"));
    given().header("X-Sentry-Auth", project.auth()).body(envelope())
        .post("/api/not-a-number/envelope/").then().statusCode(400).body("detail", equalTo("bad project path parameter"));
  }

  @Test
  void refusesADisabledKey() {
    String disabled = projects.addKey(project.id(), "active = false");
    refused(given().queryParam("sentry_key", disabled), 403).body("detail", containsString("DisabledKey"));
  }

  private static void accepted(RequestSpecification request) {
    String eventId = EventIds.generate();
    request.body(Fixtures.envelope(Fixtures.NODE, eventId))
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));
  }

  private static io.restassured.response.ValidatableResponse refused(RequestSpecification request, int status) {
    return request.body(envelope())
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(status)
        .contentType("application/json")
        .header("X-Sentry-Error", org.hamcrest.Matchers.notNullValue());
  }

  private static byte[] envelope() {
    return Fixtures.envelope(Fixtures.NODE, EventIds.generate());
  }
}
