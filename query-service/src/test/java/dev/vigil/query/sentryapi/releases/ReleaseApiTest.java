package dev.vigil.query.sentryapi.releases;

import static dev.vigil.query.Tenants.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.vigil.query.Seed;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueCandidate;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sentry's release and deploy endpoints with the shapes and statuses sentry-cli relies on. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class ReleaseApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject IssueUpserts upserts;

  Tenants tenants;
  Org org;
  String project;
  String ci;

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("releases");
    project = projectSlug(org, "web");
    ci = tenants.token(null, org, Scope.PROJECT_RELEASES);
  }

  @Test
  void createsFinalizesAndDeploysAReleaseAsSentryCliDoes() {
    String base = "/api/0/organizations/" + org.slug() + "/releases/";
    bearer(ci).body(Map.of("version", "web@1.2.3", "projects", List.of(project)))
        .post(base).then().statusCode(201)
        .body("version", is("web@1.2.3")).body("dateCreated", notNullValue()).body("dateReleased", nullValue())
        .body("projects.slug", contains(project)).body("newGroups", is(0));
    // The same version again is no error: Sentry answers 208 Already Reported.
    bearer(ci).body(Map.of("version", "web@1.2.3", "projects", List.of(project))).post(base).then().statusCode(208);

    bearer(ci).body(Map.of("dateReleased", "2024-05-01T10:00:00Z", "refs", List.of(Map.of("repository", "acme/web", "commit", "abc123"))))
        .put(base + "web@1.2.3/").then().statusCode(200)
        .body("dateReleased", is("2024-05-01T10:00:00Z")).body("commitCount", is(1)).body("lastCommit.id", is("abc123"));

    bearer(ci).body(Map.of("environment", "production", "name", "deploy 7"))
        .post(base + "web@1.2.3/deploys/").then().statusCode(201)
        .body("environment", is("production")).body("name", is("deploy 7")).body("dateFinished", notNullValue());
    bearer(ci).get(base + "web@1.2.3/deploys/").then().statusCode(200).body("environment", contains("production"));

    bearer(ci).get(base + "web@1.2.3/").then().statusCode(200).body("deployCount", is(1)).body("lastDeploy.environment", is("production"));
    bearer(ci).get(base).then().statusCode(200).body("version", contains("web@1.2.3"));
    bearer(ci).get("/api/0/projects/" + org.slug() + "/" + project + "/releases/").then().statusCode(200).body("version", contains("web@1.2.3"));

    bearer(ci).delete(base + "web@1.2.3/").then().statusCode(204);
    bearer(ci).get(base + "web@1.2.3/").then().statusCode(404);
  }

  @Test
  void refusesUnknownProjectsInvalidVersionsAndDeploysOfMissingReleases() {
    String base = "/api/0/organizations/" + org.slug() + "/releases/";
    bearer(ci).body(Map.of("version", "1.0", "projects", List.of("no-such-project"))).post(base).then().statusCode(400);
    bearer(ci).body(Map.of("version", "a/b", "projects", List.of(project))).post(base).then().statusCode(400);
    bearer(ci).body(Map.of("version", "1.0")).post(base).then().statusCode(400);
    bearer(ci).body(Map.of("environment", "production")).post(base + "nope/deploys/").then().statusCode(404);
    bearer(ci).body(Map.of("dateReleased", "2024-05-01T10:00:00Z")).put(base + "nope/").then().statusCode(404);
  }

  @Test
  void anotherOrganizationsReleasesAreNotFoundAndWritesNeedProjectReleases() {
    String base = "/api/0/organizations/" + org.slug() + "/releases/";
    bearer(ci).body(Map.of("version", "2.0", "projects", List.of(project))).post(base).then().statusCode(201);

    Org other = tenants.organization("other");
    String foreign = tenants.token(null, other, Scope.PROJECT_RELEASES, Scope.PROJECT_READ, Scope.ORG_READ);
    bearer(foreign).get(base + "2.0/").then().statusCode(404);
    bearer(foreign).get(base).then().statusCode(404);
    bearer(foreign).body(Map.of("environment", "production")).post(base + "2.0/deploys/").then().statusCode(404);
    bearer(foreign).delete(base + "2.0/").then().statusCode(404);

    String reader = tenants.token(null, org, Scope.PROJECT_READ);
    bearer(reader).get(base + "2.0/").then().statusCode(200);
    bearer(reader).body(Map.of("version", "2.1", "projects", List.of(project))).post(base).then().statusCode(403);
    bearer(reader).body(Map.of("dateReleased", "2024-05-01T10:00:00Z")).put(base + "2.0/").then().statusCode(403);
    String events = tenants.token(null, org, Scope.EVENT_READ);
    bearer(events).get(base + "2.0/").then().statusCode(403);
    given().get(base + "2.0/").then().statusCode(401);
    bearer(ci).get(base + "2.0/").then().statusCode(200).body("dateReleased", nullValue());
  }

  /** A new project of the organization, by slug (sentry-cli names projects by slug). */
  @Test
  void countsTheIssuesFirstSeenInARelease() throws Throwable {
    String base = "/api/0/organizations/" + org.slug() + "/releases/";
    String id = bearer(ci).body(Map.of("version", "web@2.0.0", "projects", List.of(project))).post(base)
        .then().statusCode(201).extract().path("projects[0].id");
    long projectId = Long.parseLong(id);
    Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
    Instant last = first.plusSeconds(60);
    record(projectId, "web-a", "web@2.0.0", first, first);
    record(projectId, "web-b", "web@2.0.0", last, last);
    record(projectId, "web-c", "web@1.9.0", first, first);

    bearer(ci).get(base + "web@2.0.0/").then().statusCode(200)
        .body("newGroups", is(2)).body("projects[0].newGroups", is(2))
        .body("firstEvent", is(first.toString())).body("lastEvent", is(last.toString()));
  }

  private void record(long projectId, String hash, String release, Instant firstSeen, Instant lastSeen) throws Throwable {
    IssueCandidate candidate = new IssueCandidate(projectId, hash + "-" + Tenants.unique("h"), "Error: " + hash, "app.js", "Error",
        "error", "javascript", firstSeen, lastSeen, release, "vigil:2026-01", "[]");
    VertxContextSupport.subscribeAndAwait(() -> upserts.record(List.of(candidate)));
  }

  static String projectSlug(Org org, String prefix) {
    String slug = Tenants.unique(prefix);
    given()
        .header("Authorization", Seed.TOKEN)
        .contentType("application/json")
        .body(Map.of("organization", org.slug(), "slug", slug, "platform", "javascript"))
        .post("/api/v1/projects")
        .then()
        .statusCode(201);
    assertThat(slug).isNotBlank();
    return slug;
  }
}
