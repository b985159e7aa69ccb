package dev.vigil.query;

import static io.restassured.RestAssured.given;

import dev.vigil.query.auth.SessionCookie;
import dev.vigil.state.accounts.Account;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Organizations, users with roles, API tokens and login sessions for access tests, made through
 * libs/state (as the API would) with unique slugs and emails so that runs never collide.
 */
public final class Tenants {

  public static final String PASSWORD = "correct horse battery staple";

  /** An organization and the owner it was created with. */
  public record Org(long id, String slug, User owner) {}

  public record User(long id, String email) {}

  /** A login session: the cookie's secret and the CSRF token its writes echo. */
  public record Session(String cookie, String csrfToken, String clientIp) {

    /** A request with the cookie and the CSRF header, from the session's address. */
    public RequestSpecification api() {
      return withoutCsrf().header("X-CSRF-Token", csrfToken);
    }

    public RequestSpecification withoutCsrf() {
      return given().cookie(SessionCookie.NAME, cookie).header("X-Forwarded-For", clientIp).contentType("application/json");
    }
  }

  private final Accounts accounts;
  private final Organizations organizations;
  private final ApiTokens tokens;

  public Tenants(Accounts accounts, Organizations organizations, ApiTokens tokens) {
    this.accounts = accounts;
    this.organizations = organizations;
    this.tokens = tokens;
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A client address of the TEST-NET-3 range, different per call, so that login throttling by address never spans tests. */
  public static String clientIp() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "203.0." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /** A new organization with a new owner. */
  public Org organization(String prefix) {
    User owner = user("owner");
    String slug = unique(prefix);
    long id = await(() -> organizations.createWithOwner(slug, slug, owner.id())).organizationId();
    return new Org(id, slug, owner);
  }

  public User user(String prefix) {
    Account a = await(() -> accounts.create(unique(prefix) + "@example.com", prefix, PASSWORD));
    return new User(a.userId(), a.email());
  }

  /** A new user with the role in the organization. */
  public User member(Org org, Role role) {
    User u = user(role.wireName());
    await(() -> organizations.setRole(org.id(), u.id(), role));
    return u;
  }

  /** Gives an existing user the role in the organization (another organization, say). */
  public void join(Org org, User user, Role role) {
    await(() -> organizations.setRole(org.id(), user.id(), role));
  }

  /** The secret of a new user token (userId given) or organization token (null). */
  public String token(Long userId, Org org, Scope... scopes) {
    return await(() -> tokens.create(userId, org.id(), "test", Set.of(scopes), null)).secret();
  }

  /** A project of the organization, created with the admin token as {@code ./vigil up} would. */
  public static long project(Org org, String prefix) {
    return given()
        .header("Authorization", Seed.TOKEN)
        .contentType("application/json")
        .body(Map.of("organization", org.slug(), "slug", unique(prefix), "platform", "python"))
        .post("/api/v1/projects")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** Logs in through the API from a fresh address. */
  public static Session login(User user) {
    String ip = clientIp();
    Response r =
        given()
            .contentType("application/json")
            .header("X-Forwarded-For", ip)
            .body(Map.of("email", user.email(), "password", PASSWORD))
            .post("/api/v1/auth/login");
    r.then().statusCode(200);
    return new Session(r.cookie(SessionCookie.NAME), r.jsonPath().getString("csrfToken"), ip);
  }

  public static RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token).contentType("application/json");
  }

  private static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (Throwable e) {
      throw new IllegalStateException("could not prepare test data", e);
    }
  }
}
