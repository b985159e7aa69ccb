package dev.vigil.query.auth;

import static dev.vigil.query.TelemetrySeed.log;
import static dev.vigil.query.TelemetrySeed.span;
import static dev.vigil.query.Tenants.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Seed.E;
import dev.vigil.query.TelemetrySeed;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two organizations with a project and data each (issue, event, trace, logs, metric series): every
 * endpoint called with organization A's token and B's ids answers 404, never B's data, while B's own
 * token reads the same URLs; lists never show B's projects.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantApiTest {

  /** Every read keyed by a project, issue, event or trace id; {p} {i} {e} {t} are filled per tenant. */
  static final List<String> READS =
      List.of(
          "/api/v1/projects/{p}",
          "/api/v1/projects/{p}/issues",
          "/api/v1/projects/{p}/issues/facets",
          "/api/v1/issues/{i}",
          "/api/v1/issues/{i}/events",
          "/api/v1/issues/{i}/events/latest",
          "/api/v1/issues/{i}/events/oldest",
          "/api/v1/issues/{i}/events/{e}",
          "/api/v1/issues/{i}/tags",
          "/api/v1/issues/{i}/tags/environment",
          "/api/v1/projects/{p}/events/{e}",
          "/api/v1/projects/{p}/traces/{t}/events",
          "/api/v1/projects/{p}/issues/{i}/traces",
          "/api/v1/projects/{p}/traces",
          "/api/v1/projects/{p}/traces/{t}",
          "/api/v1/projects/{p}/services",
          "/api/v1/projects/{p}/services/checkout/operations",
          "/api/v1/projects/{p}/service-map",
          "/api/v1/projects/{p}/logs",
          "/api/v1/projects/{p}/logs/histogram",
          "/api/v1/projects/{p}/metrics/names",
          "/api/v1/projects/{p}/metrics/labels",
          "/api/v1/projects/{p}/metrics/labels/service_name/values",
          "/api/v1/projects/{p}/prometheus/api/v1/labels",
          "/api/v1/projects/{p}/prometheus/api/v1/label/__name__/values",
          "/api/v1/projects/{p}/prometheus/api/v1/series?match[]=http_requests_total",
          "/api/v1/projects/{p}/prometheus/api/v1/metadata",
          "/api/v1/projects/{p}/dashboards");

  /**
   * Every read of the Sentry web API naming an organization, project, issue, event or release; {o} is the
   * organization's slug, {ps} the project's, {v} a release version.
   */
  static final List<String> SENTRY_READS =
      List.of(
          "/api/0/organizations/{o}/",
          "/api/0/organizations/{o}/projects/",
          "/api/0/projects/{o}/{ps}/issues/",
          "/api/0/issues/{i}/",
          "/api/0/organizations/{o}/issues/{i}/",
          "/api/0/issues/{i}/events/latest/",
          "/api/0/organizations/{o}/issues/{i}/events/latest/",
          "/api/0/projects/{o}/{ps}/events/{e}/",
          "/api/0/issues/{i}/comments/",
          "/api/0/organizations/{o}/releases/",
          "/api/0/projects/{o}/{ps}/releases/",
          "/api/0/organizations/{o}/releases/{v}/",
          "/api/0/projects/{o}/{ps}/releases/{v}/",
          "/api/0/organizations/{o}/releases/{v}/deploys/",
          "/api/0/organizations/{o}/chunk-upload/");

  /** A tenant's organization, project, data ids and a token of its owner with every scope. */
  record Tenant(Org org, long project, String projectSlug, long issue, String eventId, String trace, String release,
      String chunk, String token, String marker) {
    String fill(String template) {
      return template
          .replace("{o}", org.slug())
          .replace("{ps}", projectSlug)
          .replace("{p}", String.valueOf(project))
          .replace("{i}", String.valueOf(issue))
          .replace("{e}", eventId)
          .replace("{t}", trace)
          .replace("{v}", release);
    }
  }

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
  Tenant a;
  Tenant b;

  @BeforeEach
  void seed() throws Exception {
    if (a != null) {
      return;
    }
    Tenants tenants = new Tenants(accounts, organizations, tokens);
    a = tenant(tenants, "tenant-a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01", "AlphaError");
    b = tenant(tenants, "tenant-b", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb02", "BravoSecret");
  }

  private Tenant tenant(Tenants tenants, String prefix, String trace, String marker) throws Exception {
    Org org = tenants.organization(prefix);
    long project = Tenants.project(org, prefix);
    Seed seed = new Seed(upserts, storage);
    long issue = seed.issue(project, marker + ": failed", marker + ".views in get", "error", t0, t0);
    E event = E.of(project, issue, t0).trace(trace).message(marker + " message");
    seed.events(event);
    TelemetrySeed telemetry = new TelemetrySeed(storage);
    telemetry.spans(span(project, trace, "c000000000000001", "", "checkout", marker + " GET", SpanKind.SERVER, StatusCode.ERROR, t0, 40, Map.of()));
    telemetry.logs(log(project, 1, trace, "c000000000000001", "checkout", 17, "ERROR", marker + " log line", t0.plusMillis(5)));
    telemetry.series(project, "http_requests_total", "http_requests", "counter", 7, "service_name", "checkout");
    String token = tenants.token(org.owner().id(), org, Scope.values());
    String projectSlug = bearer(token).get("/api/v1/projects/" + project).then().statusCode(200).extract().path("slug");
    // What sentry-cli and issue tooling leave behind: a release with a deploy, a comment, an uploaded chunk.
    String release = Tenants.unique(prefix + "@1.0");
    String api = "/api/0/organizations/" + org.slug();
    bearer(token).body(Map.of("version", release, "projects", List.of(projectSlug), "ref", marker + "-ref")).post(api + "/releases/")
        .then().statusCode(201);
    bearer(token).body(Map.of("environment", marker + "-env")).post(api + "/releases/" + release + "/deploys/").then().statusCode(201);
    bearer(token).body(Map.of("text", marker + " comment")).post("/api/0/issues/" + issue + "/comments/").then().statusCode(201);
    byte[] chunk = (marker + " chunk").getBytes(StandardCharsets.UTF_8);
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(chunk));
    given().header("Authorization", "Bearer " + token).multiPart("file", sha1, chunk).post(api + "/chunk-upload/").then().statusCode(200);
    return new Tenant(org, project, projectSlug, issue, event.eventId().toString().replace("-", ""), trace, release, sha1, token, marker);
  }

  @Test
  void everyReadOfAnotherTenantsIdsAnswers404WithoutItsData() {
    for (String template : READS) {
      String own = b.fill(template);
      bearer(b.token()).get(own).then().statusCode(200);
      Response foreign = bearer(a.token()).get(own);
      assertThat(foreign.statusCode()).as("GET %s with the other tenant's token", own).isEqualTo(404);
      assertThat(foreign.asString()).doesNotContain(b.marker());
      if (!template.contains("{p}")) {
        // Asked by issue id, the answer must not reveal which project (of which tenant) holds it.
        assertThat(foreign.asString()).doesNotContain("project " + b.project());
      }
    }
  }

  @Test
  void idsOfAnotherTenantInsideOnesOwnProjectAreNotFound() {
    String p = "/api/v1/projects/" + a.project();
    bearer(a.token()).get(p + "/events/" + b.eventId()).then().statusCode(404);
    bearer(a.token()).get(p + "/traces/" + b.trace()).then().statusCode(404);
    assertThat(bearer(a.token()).get(p + "/traces/" + b.trace() + "/events").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    bearer(a.token()).get(p + "/issues/" + b.issue() + "/traces").then().statusCode(404);
    bearer(a.token()).get("/api/v1/issues/" + a.issue() + "/events/" + b.eventId()).then().statusCode(404);
    Response logs = bearer(a.token()).queryParam("traceId", b.trace()).get(p + "/logs");
    assertThat(logs.then().statusCode(200).extract().jsonPath().getList("logs")).isEmpty();
  }

  @Test
  void writesToAnotherTenantsIssuesAndProjectsAnswer404AndChangeNothing() {
    Map<String, String> resolve = Map.of("status", "resolved");
    bearer(a.token()).body(resolve).put("/api/v1/issues/" + b.issue()).then().statusCode(404);
    bearer(a.token()).body(resolve).put("/api/v1/projects/" + b.project() + "/issues?id=" + b.issue()).then().statusCode(404);
    // B's issue id in A's project is ignored, as any id outside the project is.
    bearer(a.token()).body(resolve).put("/api/v1/projects/" + a.project() + "/issues?id=" + b.issue()).then().statusCode(200);
    bearer(a.token()).post("/api/v1/projects/" + b.project() + "/keys").then().statusCode(404);

    assertThat(bearer(b.token()).get("/api/v1/issues/" + b.issue()).jsonPath().getString("status")).isEqualTo("unresolved");
    assertThat(bearer(b.token()).get("/api/v1/projects/" + b.project()).jsonPath().getList("keys")).hasSize(1);
  }

  @Test
  void organizationEndpointsNamingAnotherTenantAnswer404() {
    String org = "/api/v1/organizations/" + b.org().slug();
    for (String path : List.of("/members", "/tokens", "/teams", "/audit-log")) {
      bearer(b.token()).get(org + path).then().statusCode(200);
      bearer(a.token()).get(org + path).then().statusCode(404);
    }
    bearer(a.token()).body(Map.of("name", "x", "scopes", List.of("event:read"))).post(org + "/tokens").then().statusCode(404);
    bearer(a.token()).body(Map.of("email", Tenants.unique("x") + "@example.com", "role", "member")).post(org + "/invitations")
        .then().statusCode(404);
    bearer(a.token()).body(Map.of("slug", "intruders")).post(org + "/teams").then().statusCode(404);
    bearer(a.token()).body(Map.of("role", "viewer")).put(org + "/members/" + b.org().owner().id()).then().statusCode(404);
    bearer(a.token()).delete(org + "/members/" + b.org().owner().id()).then().statusCode(404);
    bearer(a.token()).body(Map.of("organization", b.org().slug(), "slug", Tenants.unique("intruder"))).post("/api/v1/projects")
        .then().statusCode(404);

    // B's ids named under A's own organization.
    long bToken =
        bearer(b.token()).body(Map.of("name", "ci", "scopes", List.of("event:read"))).post(org + "/tokens")
            .then().statusCode(201).extract().jsonPath().getLong("id");
    String own = "/api/v1/organizations/" + a.org().slug();
    bearer(a.token()).delete(own + "/tokens/" + bToken).then().statusCode(404);
    bearer(a.token()).body(Map.of("role", "viewer")).put(own + "/members/" + b.org().owner().id()).then().statusCode(404);
    bearer(a.token()).body(Map.of("slug", "core")).post(own + "/teams").then().statusCode(201);
    bearer(a.token()).put(own + "/teams/core/projects/" + b.project()).then().statusCode(404);
    bearer(a.token()).put(own + "/teams/core/members/" + b.org().owner().id()).then().statusCode(404);

    assertThat(bearer(b.token()).get(org + "/members").jsonPath().getList("role", String.class)).containsExactly("owner");
    assertThat(bearer(b.token()).get(org + "/tokens").jsonPath().getList("id", Long.class)).contains(bToken);
  }

  @Test
  void everySentryApiReadOfAnotherTenantAnswers404WithoutItsData() {
    for (String template : SENTRY_READS) {
      String own = b.fill(template);
      assertThat(bearer(b.token()).get(own).then().statusCode(200).extract().asString()).as(own).isNotEmpty();
      Response foreign = bearer(a.token()).get(own);
      assertThat(foreign.statusCode()).as("GET %s with the other tenant's token", own).isEqualTo(404);
      assertThat(foreign.asString()).doesNotContain(b.marker()).doesNotContain(b.projectSlug());
    }
    // The other tenant's ids and slugs under one's own organization.
    for (String template : List.of("/api/0/organizations/{o}/issues/{i}/", "/api/0/organizations/{o}/issues/{i}/events/latest/",
        "/api/0/projects/{o}/{ps}/issues/", "/api/0/projects/{o}/{ps}/releases/", "/api/0/organizations/{o}/releases/{v}/",
        "/api/0/organizations/{o}/releases/{v}/deploys/")) {
      String mixed = b.fill(template.replace("{o}", a.org().slug()));
      assertThat(bearer(a.token()).get(mixed).statusCode()).as("GET %s", mixed).isEqualTo(404);
    }
    bearer(a.token()).get(a.fill("/api/0/projects/{o}/{ps}/events/") + b.eventId() + "/").then().statusCode(404);
    // Sentry lists only the caller's organizations and projects.
    assertThat(bearer(a.token()).get("/api/0/organizations/").jsonPath().getList("slug", String.class)).containsExactly(a.org().slug());
    assertThat(bearer(a.token()).get("/api/0/projects/").jsonPath().getList("slug", String.class)).containsExactly(a.projectSlug());
  }

  @Test
  void sentryApiWritesToAnotherTenantAnswer404AndChangeNothing() {
    Map<String, String> resolve = Map.of("status", "resolved");
    bearer(a.token()).body(resolve).put(b.fill("/api/0/issues/{i}/")).then().statusCode(404);
    bearer(a.token()).body(resolve).put(b.fill("/api/0/organizations/{o}/issues/{i}/")).then().statusCode(404);
    bearer(a.token()).body(resolve).put(b.fill("/api/0/projects/{o}/{ps}/issues/?id={i}")).then().statusCode(404);
    bearer(a.token()).body(resolve).put(b.fill("/api/0/organizations/{o}/issues/{i}/").replace(b.org().slug(), a.org().slug()))
        .then().statusCode(404);
    bearer(a.token()).body(Map.of("text", "intrusion")).post(b.fill("/api/0/issues/{i}/comments/")).then().statusCode(404);
    String api = "/api/0/organizations/" + b.org().slug();
    String version = Tenants.unique("intruder");
    bearer(a.token()).body(Map.of("version", version, "projects", List.of(b.projectSlug()))).post(api + "/releases/").then().statusCode(404);
    bearer(a.token()).body(Map.of("version", version)).post(b.fill("/api/0/projects/{o}/{ps}/releases/")).then().statusCode(404);
    bearer(a.token()).body(Map.of("ref", "intrusion")).put(api + "/releases/" + b.release() + "/").then().statusCode(404);
    bearer(a.token()).body(Map.of("environment", "intrusion")).post(api + "/releases/" + b.release() + "/deploys/").then().statusCode(404);
    bearer(a.token()).delete(api + "/releases/" + b.release() + "/").then().statusCode(404);
    byte[] chunk = "intrusion".getBytes(StandardCharsets.UTF_8);
    given().header("Authorization", "Bearer " + a.token()).multiPart("file", "0".repeat(40), chunk).post(api + "/chunk-upload/")
        .then().statusCode(404);
    Map<String, Object> assemble = Map.of("checksum", "1".repeat(40), "chunks", List.of(b.chunk()), "projects", List.of(b.projectSlug()));
    bearer(a.token()).body(assemble).post(api + "/artifactbundle/assemble/").then().statusCode(404);

    // B's project named in A's own organization is an invalid project (400, as Sentry), B's chunks are not A's.
    String own = "/api/0/organizations/" + a.org().slug();
    bearer(a.token()).body(Map.of("version", version, "projects", List.of(b.projectSlug()))).post(own + "/releases/").then().statusCode(400);
    bearer(a.token()).body(Map.of("version", version, "projects", List.of(String.valueOf(b.project())))).post(own + "/releases/")
        .then().statusCode(400);
    bearer(a.token()).body(Map.of("projects", List.of(b.projectSlug()))).put(own + "/releases/" + a.release() + "/").then().statusCode(400);
    bearer(a.token()).body(assemble).post(own + "/artifactbundle/assemble/").then().statusCode(400);
    Map<String, Object> ownAssemble = Map.of("checksum", "1".repeat(40), "chunks", List.of(b.chunk()), "projects", List.of(a.projectSlug()));
    JsonPath missing = bearer(a.token()).body(ownAssemble).post(own + "/artifactbundle/assemble/").then().statusCode(200).extract().jsonPath();
    assertThat(missing.getString("state")).isEqualTo("not_found");
    assertThat(missing.getList("missingChunks", String.class)).containsExactly(b.chunk());

    assertThat(bearer(b.token()).get(b.fill("/api/0/issues/{i}/")).jsonPath().getString("status")).isEqualTo("unresolved");
    assertThat(bearer(b.token()).get(b.fill("/api/0/issues/{i}/comments/")).jsonPath().getList("data.text", String.class))
        .containsExactly(b.marker() + " comment");
    JsonPath release = bearer(b.token()).get(api + "/releases/" + b.release() + "/").then().statusCode(200).extract().jsonPath();
    assertThat(release.getString("ref")).isEqualTo(b.marker() + "-ref");
    assertThat(bearer(b.token()).get(api + "/releases/" + b.release() + "/deploys/").jsonPath().getList("environment", String.class))
        .containsExactly(b.marker() + "-env");
    bearer(b.token()).get(api + "/releases/" + version + "/").then().statusCode(404);
  }

  @Test
  void projectListsShowOnlyTheCallersOrganizations() {
    List<Long> seenByA = bearer(a.token()).get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
    assertThat(seenByA).contains(a.project()).doesNotContain(b.project());
    List<String> organizations = bearer(a.token()).get("/api/v1/projects").jsonPath().getList("organization", String.class);
    assertThat(organizations).containsOnly(a.org().slug());
    List<Long> seenByAdmin = bearer("test-admin-token").get("/api/v1/projects").jsonPath().getList("id", Long.class);
    assertThat(seenByAdmin).contains(a.project(), b.project());
  }
}
