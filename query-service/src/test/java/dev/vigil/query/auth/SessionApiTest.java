package dev.vigil.query.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.Session;
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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password login and the session cookie: its flags, CSRF, logout, password change and login throttling. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class SessionApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  Tenants tenants;
  Org org;
  long project;

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("sessions");
    project = Tenants.project(org, "sessions");
  }

  private static RequestSpecification client(String ip) {
    return given().contentType("application/json").header("X-Forwarded-For", ip);
  }

  private static Response login(String ip, String email, String password) {
    return client(ip).body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
  }

  @Test
  void loginSetsAnHttpOnlyLaxCookieThatIsSecureOverHttps() {
    User user = tenants.member(org, Role.MEMBER);
    Response plain = login(Tenants.clientIp(), user.email(), Tenants.PASSWORD);
    plain.then().statusCode(200).body("user.email", is(user.email())).body("memberships[0].organization", is(org.slug()))
        .body("memberships[0].role", is("member")).body("csrfToken", notNullValue());
    String cookie = plain.header("Set-Cookie");
    assertThat(cookie)
        .startsWith(SessionCookie.NAME + "=")
        .contains("; HttpOnly", "; SameSite=Lax", "; Path=/", "; Max-Age=2592000")
        .doesNotContain("Secure");

    Response overHttps =
        client(Tenants.clientIp()).header("X-Forwarded-Proto", "https")
            .body(Map.of("email", user.email(), "password", Tenants.PASSWORD)).post("/api/v1/auth/login");
    assertThat(overHttps.header("Set-Cookie")).contains("; Secure", "; HttpOnly", "; SameSite=Lax");
  }

  @Test
  void unknownEmailsAndWrongPasswordsGetTheSameAnswer() {
    User user = tenants.member(org, Role.VIEWER);
    String wrongPassword = login(Tenants.clientIp(), user.email(), "not the password").then().statusCode(401).extract().path("detail");
    String unknownEmail =
        login(Tenants.clientIp(), Tenants.unique("nobody") + "@example.com", Tenants.PASSWORD).then().statusCode(401).extract().path("detail");
    assertThat(wrongPassword).isEqualTo(unknownEmail);
    login(Tenants.clientIp(), user.email(), "").then().statusCode(400);
  }

  @Test
  void cookieAuthenticatedWritesNeedTheSessionsCsrfToken() {
    long issue = new Seed(upserts, storage).issue(project, "CsrfError: x", "x", "error", Instant.now(), Instant.now());
    Session session = Tenants.login(tenants.member(org, Role.MEMBER));
    String path = "/api/v1/issues/" + issue;

    session.withoutCsrf().get(path).then().statusCode(200);
    session.withoutCsrf().body(Map.of("status", "resolved")).put(path).then().statusCode(403).body("detail", containsString("X-CSRF-Token"));
    session.withoutCsrf().header("X-CSRF-Token", "0".repeat(session.csrfToken().length())).body(Map.of("status", "resolved")).put(path)
        .then().statusCode(403);
    session.withoutCsrf().post("/api/v1/auth/logout").then().statusCode(403);
    session.api().body(Map.of("status", "resolved")).put(path).then().statusCode(200).body("status", is("resolved"));
    // Another session's token is no good either.
    Session other = Tenants.login(tenants.member(org, Role.MEMBER));
    session.withoutCsrf().header("X-CSRF-Token", other.csrfToken()).body(Map.of("status", "ignored")).put(path).then().statusCode(403);
  }

  @Test
  void meShowsTheUserTheirMembershipsAndTheCsrfToken() {
    User user = tenants.member(org, Role.ADMIN);
    Session session = Tenants.login(user);
    session.withoutCsrf().get("/api/v1/auth/me").then().statusCode(200)
        .body("authenticatedBy", is("session"))
        .body("user.id", is((int) user.id()))
        .body("memberships[0].organization", is(org.slug()))
        .body("memberships[0].role", is("admin"))
        .body("csrfToken", is(session.csrfToken()));
    given().header("Authorization", Seed.TOKEN).get("/api/v1/auth/me").then().statusCode(200).body("authenticatedBy", is("admin-token"));
  }

  @Test
  void logoutEndsTheSessionAndClearsTheCookie() {
    Session session = Tenants.login(tenants.member(org, Role.VIEWER));
    Response out = session.api().post("/api/v1/auth/logout");
    out.then().statusCode(204);
    assertThat(out.header("Set-Cookie")).startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0");
    session.api().get("/api/v1/auth/me").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    session.api().get("/api/v1/projects/" + project).then().statusCode(401);
  }

  @Test
  void changingThePasswordEndsTheUsersOtherSessions() {
    User user = tenants.member(org, Role.MEMBER);
    Session current = Tenants.login(user);
    Session elsewhere = Tenants.login(user);
    String newPassword = "a much better passphrase";

    current.api().body(Map.of("currentPassword", "wrong guess", "newPassword", newPassword)).post("/api/v1/auth/password").then().statusCode(400);
    current.api().body(Map.of("currentPassword", Tenants.PASSWORD, "newPassword", newPassword)).post("/api/v1/auth/password").then().statusCode(204);

    elsewhere.api().get("/api/v1/auth/me").then().statusCode(401);
    current.api().get("/api/v1/auth/me").then().statusCode(200);
    login(Tenants.clientIp(), user.email(), Tenants.PASSWORD).then().statusCode(401);
    login(Tenants.clientIp(), user.email(), newPassword).then().statusCode(200);
    // Tokens cannot change passwords.
    Tenants.bearer(tenants.token(user.id(), org, Scope.EVENT_READ))
        .body(Map.of("currentPassword", newPassword, "newPassword", "yet another passphrase")).post("/api/v1/auth/password").then().statusCode(403);
  }

  @Test
  void fiveWrongPasswordsLockTheEmailOutEvenWithTheRightOne() {
    User user = tenants.member(org, Role.VIEWER);
    String ip = Tenants.clientIp();
    for (int i = 0; i < 5; i++) {
      login(ip, user.email(), "guess " + i).then().statusCode(401);
    }
    Response locked = login(ip, user.email(), Tenants.PASSWORD);
    locked.then().statusCode(429).body("detail", containsString("try again later"));
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
    // Another email from another address is not affected.
    login(Tenants.clientIp(), tenants.member(org, Role.VIEWER).email(), Tenants.PASSWORD).then().statusCode(200);
  }

  @Test
  void requestsWithoutCredentialsAre401AndOpenEndpointsStayOpen() {
    given().get("/api/v1/projects").then().statusCode(401).header("WWW-Authenticate", "Bearer").body("detail", notNullValue());
    given().cookie(SessionCookie.NAME, "f".repeat(64)).get("/api/v1/projects").then().statusCode(401);
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/openapi?format=json").then().statusCode(200);
  }

  @Test
  void theFirstOwnerIsCreatedOnlyWithTheAdminTokenAndOnlyOnce() {
    Map<String, String> body = Map.of("email", Tenants.unique("first") + "@example.com", "password", Tenants.PASSWORD, "organization", "default");
    Tenants.login(org.owner()).api().body(body).post("/api/v1/bootstrap/owner").then().statusCode(403);
    // Users exist already (this test made some), so the admin token is refused too.
    given().header("Authorization", Seed.TOKEN).contentType("application/json").body(body).post("/api/v1/bootstrap/owner")
        .then().statusCode(409);
  }
}
