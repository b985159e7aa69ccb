package dev.vigil.query.auth;

import static dev.vigil.query.Tenants.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.User;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API tokens: each endpoint needs its scope; bearer calls need no CSRF token; revoked tokens stop working. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class TokenScopeApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  Tenants tenants;
  Org org;
  long project;
  long issue;

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("scopes");
    project = Tenants.project(org, "scopes");
    issue = new Seed(upserts, storage).issue(project, "ScopeError: x", "x", "error", Instant.now(), Instant.now());
  }

  @Test
  void anEventReadTokenReadsButCannotChangeIssuesOrProjects() {
    String token = tenants.token(org.owner().id(), org, Scope.EVENT_READ);
    bearer(token).get("/api/v1/issues/" + issue).then().statusCode(200);
    bearer(token).get("/api/v1/projects/" + project + "/issues").then().statusCode(200);
    bearer(token).get("/api/v1/projects/" + project + "/logs").then().statusCode(200);

    bearer(token).body(Map.of("status", "resolved")).put("/api/v1/issues/" + issue)
        .then().statusCode(403).body("detail", containsString("event:write"));
    bearer(token).body(Map.of("status", "resolved")).put("/api/v1/projects/" + project + "/issues?id=" + issue).then().statusCode(403);
    bearer(token).get("/api/v1/projects/" + project).then().statusCode(403).body("detail", containsString("project:read"));
    bearer(token).post("/api/v1/projects/" + project + "/keys").then().statusCode(403);
    bearer(token).get("/api/v1/organizations/" + org.slug() + "/members").then().statusCode(403);
    assertThat(bearer(token).get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
  }

  @Test
  void anEventWriteTokenChangesIssuesWithoutACsrfToken() {
    String token = tenants.token(org.owner().id(), org, Scope.EVENT_READ, Scope.EVENT_WRITE);
    bearer(token).body(Map.of("status", "ignored")).put("/api/v1/issues/" + issue).then().statusCode(200).body("status", is("ignored"));
  }

  @Test
  void aUserTokenCanDoNoMoreThanItsUsersRole() {
    User viewer = tenants.member(org, Role.VIEWER);
    // Granted beyond the role (as if the user had been demoted since): the role still limits it.
    String token = tenants.token(viewer.id(), org, Scope.EVENT_READ, Scope.EVENT_WRITE);
    bearer(token).get("/api/v1/issues/" + issue).then().statusCode(200);
    bearer(token).body(Map.of("status", "resolved")).put("/api/v1/issues/" + issue).then().statusCode(403);
  }

  @Test
  void organizationTokensActForTheOrganization() {
    String token = tenants.token(null, org, Scope.PROJECT_READ, Scope.EVENT_READ, Scope.EVENT_WRITE);
    bearer(token).get("/api/v1/projects/" + project).then().statusCode(200);
    bearer(token).body(Map.of("status", "resolved")).put("/api/v1/issues/" + issue).then().statusCode(200);
    JsonPath me = bearer(token).get("/api/v1/auth/me").then().statusCode(200).extract().jsonPath();
    assertThat(me.getString("authenticatedBy")).isEqualTo("organization-token");
    assertThat(me.getString("user")).isNull();
    assertThat(me.getList("memberships.organization", String.class)).containsExactly(org.slug());
    assertThat(me.getList("scopes", String.class)).containsExactly("event:read", "event:write", "project:read");
  }

  @Test
  void theCreationAnswerIsTheListedTokenPlusItsSecret() {
    String tokensPath = "/api/v1/organizations/" + org.slug() + "/tokens";
    String owner = tenants.token(org.owner().id(), org, Scope.values());
    // Nanoseconds: PostgreSQL keeps microseconds, and the answer must show what is stored.
    String expiresAt = "2099-01-02T03:04:05.123456400Z";
    Map<String, Object> created =
        bearer(owner).body(Map.of("name", " ci ", "scopes", List.of("project:releases", "org:read"), "expiresAt", expiresAt))
            .post(tokensPath).then().statusCode(201).extract().jsonPath().getMap("$");
    String secret = (String) created.get("token");
    assertThat(secret).matches("[0-9a-f]{64}");
    assertThat(created).containsEntry("prefix", secret.substring(0, 8)).containsEntry("name", "ci")
        .containsEntry("scopes", List.of("org:read", "project:releases")).containsEntry("expiresAt", "2099-01-02T03:04:05.123456Z");
    assertThat(created.get("createdAt")).isNotNull();

    List<Map<String, Object>> listed = bearer(owner).get(tokensPath).then().statusCode(200).extract().jsonPath().getList("$");
    Map<String, Object> expected =
        new HashMap<>(listed.stream().filter(t -> created.get("id").equals(t.get("id"))).findFirst().orElseThrow());
    assertThat(expected).containsEntry("token", null);
    expected.put("token", secret);
    assertThat(created).isEqualTo(expected);
  }

  @Test
  void revokedUnknownAndMalformedTokensAre401() {
    String tokensPath = "/api/v1/organizations/" + org.slug() + "/tokens";
    String owner = tenants.token(org.owner().id(), org, Scope.values());
    JsonPath created =
        bearer(owner).body(Map.of("name", "short-lived", "scopes", List.of("event:read"))).post(tokensPath)
            .then().statusCode(201).extract().jsonPath();
    bearer(created.getString("token")).get("/api/v1/issues/" + issue).then().statusCode(200);
    bearer(owner).delete(tokensPath + "/" + created.getLong("id")).then().statusCode(204);
    bearer(owner).delete(tokensPath + "/" + created.getLong("id")).then().statusCode(404);

    bearer(created.getString("token")).get("/api/v1/issues/" + issue).then().statusCode(401).header("WWW-Authenticate", "Bearer");
    bearer("f".repeat(64)).get("/api/v1/issues/" + issue).then().statusCode(401).body("detail", is("invalid token"));
    given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/projects").then().statusCode(401);
  }
}
