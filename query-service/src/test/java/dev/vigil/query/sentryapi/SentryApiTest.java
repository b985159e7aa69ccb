package dev.vigil.query.sentryapi;

import static dev.vigil.query.Tenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.Event;
import dev.vigil.domain.GroupedEvent;
import dev.vigil.domain.Level;
import dev.vigil.domain.UserInfo;
import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Seed.E;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Sentry web API subset, called as sentry-selfhosted-mcp and sentry-cli call it (Bearer token,
 * trailing slashes, Link-header paging): shapes of the fields those tools read, status changes,
 * comments, and 404 for another organization's objects.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentryApiTest {

  private static final Pattern LINK =
      Pattern.compile("<([^>]+)>; rel=\"(previous|next)\"; results=\"(true|false)\"; cursor=\"([^\"]+)\"");

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
  Tenants tenants;
  Org org;
  long project;
  String projectSlug;
  String token;
  Org other;
  String otherToken;

  @BeforeEach
  void tenants() {
    if (tenants != null) {
      return;
    }
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("sentry-api");
    project = Tenants.project(org, "shop");
    projectSlug = bearer(tenants.token(org.owner().id(), org, Scope.values())).get("/api/v1/projects/" + project).jsonPath().getString("slug");
    token = tenants.token(org.owner().id(), org, Scope.EVENT_READ, Scope.EVENT_WRITE, Scope.PROJECT_READ, Scope.ORG_READ);
    other = tenants.organization("sentry-other");
    Tenants.project(other, "intruder");
    otherToken = tenants.token(other.owner().id(), other, Scope.values());
  }

  private String issuesPath() {
    return "/api/0/projects/" + org.slug() + "/" + projectSlug + "/issues/";
  }

  @Test
  void tokenCheckAnswersVersionScopesAndUser() {
    JsonPath index = bearer(token).get("/api/0/").then().statusCode(200).extract().jsonPath();
    assertThat(index.getString("version")).isEqualTo("0");
    assertThat(index.getList("auth.scopes", String.class)).contains("event:read", "event:write", "project:read").doesNotContain("org:admin");
    assertThat(index.getString("user.email")).isEqualTo(org.owner().email());
    assertThat(index.getString("user.id")).isEqualTo(String.valueOf(org.owner().id()));

    String orgToken = tenants.token(null, org, Scope.PROJECT_RELEASES);
    JsonPath orgIndex = bearer(orgToken).get("/api/0/").then().statusCode(200).extract().jsonPath();
    assertThat(orgIndex.getList("auth.scopes", String.class)).containsExactly("project:releases");
    assertThat(orgIndex.getMap("user")).isNull();

    Response bad = bearer("0".repeat(64)).get("/api/0/");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.jsonPath().getString("detail")).isNotBlank();
  }

  @Test
  void listsOnlyTheCallersOrganizationsAndProjectsInSentryShapes() {
    JsonPath orgs = bearer(token).get("/api/0/organizations/").then().statusCode(200).extract().jsonPath();
    assertThat(orgs.getList("slug", String.class)).containsExactly(org.slug());
    assertThat(orgs.getString("[0].id")).isEqualTo(String.valueOf(org.id()));
    assertThat(orgs.getString("[0].dateCreated")).isNotNull();

    JsonPath detail = bearer(token).get("/api/0/organizations/" + org.slug() + "/").then().statusCode(200).extract().jsonPath();
    assertThat(detail.getString("slug")).isEqualTo(org.slug());
    assertThat(detail.getList("access", String.class)).contains("event:read").doesNotContain("org:admin");

    JsonPath projects = bearer(token).get("/api/0/organizations/" + org.slug() + "/projects/").then().statusCode(200).extract().jsonPath();
    assertThat(projects.getList("slug", String.class)).containsExactly(projectSlug);
    assertThat(projects.getString("[0].id")).isEqualTo(String.valueOf(project));
    assertThat(projects.getString("[0].platform")).isEqualTo("python");

    JsonPath all = bearer(token).get("/api/0/projects/").then().statusCode(200).extract().jsonPath();
    assertThat(all.getList("slug", String.class)).containsExactly(projectSlug);
    assertThat(all.getString("[0].organization.slug")).isEqualTo(org.slug());

    bearer(otherToken).get("/api/0/organizations/" + org.slug() + "/").then().statusCode(404);
    bearer(otherToken).get("/api/0/organizations/" + org.slug() + "/projects/").then().statusCode(404);
    assertThat(bearer(otherToken).get("/api/0/projects/").jsonPath().getList("slug", String.class)).doesNotContain(projectSlug);
  }

  @Test
  void pagesIssuesThroughLinkHeadersAndFiltersByStatusQuery() {
    Seed seed = new Seed(upserts, storage);
    long p = Tenants.project(org, "paged");
    String slug = bearer(token).get("/api/v1/projects/" + p).jsonPath().getString("slug");
    long first = seed.issue(p, "KeyError: 'a'", "app.a in f", "error", t0, t0.plusSeconds(1));
    long second = seed.issue(p, "KeyError: 'b'", "app.b in f", "error", t0, t0.plusSeconds(2));
    long third = seed.issue(p, "KeyError: 'c'", "app.c in f", "warning", t0, t0.plusSeconds(3));
    seed.events(E.of(p, first, t0.plusSeconds(1)), E.of(p, second, t0.plusSeconds(2)), E.of(p, second, t0.plusSeconds(2)),
        E.of(p, third, t0.plusSeconds(3)).level(Level.WARNING));
    String path = "/api/0/projects/" + org.slug() + "/" + slug + "/issues/";

    // The exact request sentry-selfhosted-mcp's list_sentry_issues makes.
    Response page1 = bearer(token).queryParam("query", "is:unresolved").queryParam("limit", 2).get(path);
    page1.then().statusCode(200);
    assertThat(page1.jsonPath().getList("id", String.class)).containsExactly(String.valueOf(third), String.valueOf(second));
    Map<String, String[]> links1 = links(page1.header("Link"));
    assertThat(links1.get("previous")[1]).isEqualTo("false");
    assertThat(links1.get("next")[1]).isEqualTo("true");
    assertThat(links1.get("next")[0]).contains("query=is%3Aunresolved").contains("limit=2").contains("&cursor=" + links1.get("next")[2]);

    JsonPath issue = page1.jsonPath();
    assertThat(issue.getString("[1].count")).isEqualTo("2");
    assertThat(issue.getString("[1].shortId")).isEqualTo(slug.toUpperCase() + "-" + second);
    assertThat(issue.getString("[1].title")).isEqualTo("KeyError: 'b'");
    assertThat(issue.getString("[1].culprit")).isEqualTo("app.b in f");
    assertThat(issue.getString("[1].status")).isEqualTo("unresolved");
    assertThat(issue.getString("[1].level")).isEqualTo("error");
    assertThat(issue.getString("[1].type")).isEqualTo("error");
    assertThat(issue.getString("[1].metadata.type")).isEqualTo("KeyError");
    assertThat(issue.getString("[1].metadata.value")).isEqualTo("'b'");
    assertThat(issue.getString("[1].project.slug")).isEqualTo(slug);
    assertThat(issue.getString("[1].project.id")).isEqualTo(String.valueOf(p));
    assertThat(issue.getString("[1].permalink")).endsWith("/organizations/" + org.slug() + "/issues/" + second + "/");
    assertThat(issue.getString("[1].firstSeen")).isNotNull();

    // Follow the next link as a client would: the URL as given.
    Response page2 = bearer(token).urlEncodingEnabled(false).get(links1.get("next")[0]);
    page2.then().statusCode(200);
    assertThat(page2.jsonPath().getList("id", String.class)).containsExactly(String.valueOf(first));
    Map<String, String[]> links2 = links(page2.header("Link"));
    assertThat(links2.get("next")[1]).isEqualTo("false");
    assertThat(links2.get("previous")[1]).isEqualTo("true");
    Response back = bearer(token).urlEncodingEnabled(false).get(links2.get("previous")[0]);
    assertThat(back.jsonPath().getList("id", String.class)).containsExactly(String.valueOf(third), String.valueOf(second));

    assertThat(bearer(token).queryParam("query", "is:unresolved level:warning").get(path).jsonPath().getList("id", String.class))
        .containsExactly(String.valueOf(third));
    assertThat(bearer(token).queryParam("query", "is:resolved").get(path).jsonPath().getList("id")).isEmpty();
    bearer(token).queryParam("query", "assigned:me").get(path).then().statusCode(400);
    bearer(token).queryParam("cursor", "nonsense").get(path).then().statusCode(400);

    // Bulk status change, as sentry-cli and scripts send it.
    Response bulk = bearer(token).body(Map.of("status", "resolved")).put(path + "?id=" + first + "&id=" + second);
    bulk.then().statusCode(200);
    assertThat(bulk.jsonPath().getString("status")).isEqualTo("resolved");
    assertThat(bearer(token).queryParam("query", "is:resolved").get(path).jsonPath().getList("id", String.class))
        .containsExactlyInAnyOrder(String.valueOf(first), String.valueOf(second));
    // The filter form: everything still unresolved (the third issue), then nothing left to change.
    bearer(token).body(Map.of("status", "ignored")).put(path + "?status=unresolved").then().statusCode(200);
    assertThat(bearer(token).queryParam("query", "is:ignored").get(path).jsonPath().getList("id", String.class))
        .containsExactly(String.valueOf(third));
    bearer(token).body(Map.of("status", "ignored")).put(path + "?status=unresolved").then().statusCode(204);
    bearer(token).body(Map.of("status", "bogus")).put(path + "?id=" + first).then().statusCode(400);

    // Another organization's token: 404 for the list and the bulk change, and nothing changes.
    bearer(otherToken).get(path).then().statusCode(404);
    bearer(otherToken).body(Map.of("status", "unresolved")).put(path + "?id=" + first).then().statusCode(404);
    assertThat(bearer(token).get("/api/0/issues/" + first + "/").jsonPath().getString("status")).isEqualTo("resolved");
  }

  @Test
  void listsAReleasesNewIssuesByFirstRelease() {
    Seed seed = new Seed(upserts, storage);
    long p = Tenants.project(org, "releases");
    String slug = bearer(token).get("/api/v1/projects/" + p).jsonPath().getString("slug");
    long old = seed.issueInRelease(p, "KeyError: 'old'", "web@1.0.0", t0, t0.plusSeconds(1));
    long fresh = seed.issueInRelease(p, "KeyError: 'new'", "web@1.1.0", t0, t0.plusSeconds(2));
    seed.events(E.of(p, old, t0.plusSeconds(1)), E.of(p, fresh, t0.plusSeconds(2)));
    String path = "/api/0/projects/" + org.slug() + "/" + slug + "/issues/";

    for (String query : List.of("firstRelease:web@1.1.0", "is:unresolved first-release:\"web@1.1.0\"")) {
      assertThat(bearer(token).queryParam("query", query).get(path).then().statusCode(200).extract().jsonPath().getList("id", String.class))
          .as(query).containsExactly(String.valueOf(fresh));
    }
    assertThat(bearer(token).queryParam("query", "firstRelease:web@9.9.9").get(path).jsonPath().getList("id")).isEmpty();
    assertThat(bearer(token).queryParam("query", "is:unresolved").get(path).jsonPath().getList("id", String.class))
        .containsExactlyInAnyOrder(String.valueOf(old), String.valueOf(fresh));
  }

  @Test
  void issueDetailLatestEventAndStatusAsTheMcpServerReadsThem() throws IOException {
    Seed seed = new Seed(upserts, storage);
    long issue = seed.issue(project, "ZeroDivisionError: division by zero", "shop.pricing in average_price", "error", t0, t0.plusSeconds(5));
    String older = store(issue, t0);
    String latest = store(issue, t0.plusSeconds(5));

    JsonPath detail = bearer(token).get("/api/0/issues/" + issue + "/").then().statusCode(200).extract().jsonPath();
    assertThat(detail.getString("id")).isEqualTo(String.valueOf(issue));
    assertThat(detail.getString("count")).isEqualTo("2");
    assertThat(detail.getInt("userCount")).isEqualTo(1);
    assertThat(detail.getString("metadata.value")).isEqualTo("division by zero");
    assertThat(detail.getString("project.slug")).isEqualTo(projectSlug);
    assertThat(detail.getList("stats.24h")).hasSize(24);
    assertThat(bearer(token).get("/api/0/organizations/" + org.slug() + "/issues/" + issue + "/").statusCode()).isEqualTo(200);

    // get_sentry_issue with include_latest_event.
    JsonPath event =
        bearer(token).get("/api/0/organizations/" + org.slug() + "/issues/" + issue + "/events/latest/").then().statusCode(200).extract().jsonPath();
    assertThat(event.getString("eventID")).isEqualTo(latest);
    assertThat(event.getString("id")).isEqualTo(latest);
    assertThat(event.getString("groupID")).isEqualTo(String.valueOf(issue));
    assertThat(event.getString("dateCreated")).isEqualTo(t0.plusSeconds(5).toString());
    assertThat(event.getString("previousEventID")).isEqualTo(older);
    assertThat(event.getList("entries.type", String.class)).containsExactly("exception", "breadcrumbs", "request");
    assertThat(event.getString("entries[0].data.values[0].type")).isEqualTo("ZeroDivisionError");
    assertThat(event.getString("entries[0].data.values[0].value")).isEqualTo("division by zero");
    assertThat(event.getString("entries[0].data.values[0].mechanism.type")).isEqualTo("flask");
    Map<String, Object> frame = event.getMap("entries[0].data.values[0].stacktrace.frames[1]");
    assertThat(frame).containsEntry("filename", "shop/pricing.py").containsEntry("function", "average_price")
        .containsEntry("lineNo", 17).containsEntry("absPath", "/srv/shop/shop/pricing.py").containsEntry("inApp", true);
    assertThat(event.getList("entries[0].data.values[0].stacktrace.frames[1].context"))
        .containsExactly(List.of(15, "def average_price(items):"), List.of(16, "    total = sum(item.price for item in items)"),
            List.of(17, "    return total / len(items)"), List.of(18, ""));
    assertThat(event.getString("entries[1].data.values[0].message")).isEqualTo("loading cart 9f1c");
    assertThat(event.getString("entries[1].data.values[0].timestamp")).startsWith("2025-06-12T09:41:27.34");
    assertThat(event.getString("entries[2].data.url")).isEqualTo("http://shop.example.com/cart/summary");
    assertThat(event.getList("entries[2].data.query")).containsExactly(List.of("page", "2"));
    assertThat(event.getList("entries[2].data.headers")).contains(List.of("User-Agent", "curl/8.5.0"));
    assertThat(event.getList("tags.key", String.class)).containsSubsequence("browser", "environment", "level");
    assertThat(event.getString("contexts.runtime.name")).isEqualTo("CPython");
    assertThat(event.getString("user.email")).isEqualTo("alice@example.com");
    assertThat(event.getString("sdk.name")).isEqualTo("sentry.python.flask");
    assertThat(bearer(token).get("/api/0/issues/" + issue + "/events/latest/").jsonPath().getString("eventID")).isEqualTo(latest);

    // get_stack_frames: a project's event by id.
    JsonPath byId = bearer(token).get("/api/0/projects/" + org.slug() + "/" + projectSlug + "/events/" + older + "/")
        .then().statusCode(200).extract().jsonPath();
    assertThat(byId.getString("eventID")).isEqualTo(older);
    assertThat(byId.getString("nextEventID")).isEqualTo(latest);
    bearer(token).get("/api/0/projects/" + org.slug() + "/" + projectSlug + "/events/" + "f".repeat(32) + "/").then().statusCode(404);

    // update_sentry_issue_status.
    JsonPath resolved = bearer(token).body(Map.of("status", "resolved")).put("/api/0/issues/" + issue + "/")
        .then().statusCode(200).extract().jsonPath();
    assertThat(resolved.getString("status")).isEqualTo("resolved");
    assertThat(bearer(token).body(Map.of("status", "unresolved")).put("/api/0/issues/" + issue + "/").jsonPath().getString("status"))
        .isEqualTo("unresolved");

    // Another organization's token sees none of it, by any path; a viewer may read but not write.
    for (String path : List.of("/api/0/issues/" + issue + "/", "/api/0/issues/" + issue + "/events/latest/",
        "/api/0/organizations/" + org.slug() + "/issues/" + issue + "/",
        "/api/0/organizations/" + org.slug() + "/issues/" + issue + "/events/latest/",
        "/api/0/organizations/" + other.slug() + "/issues/" + issue + "/",
        "/api/0/organizations/" + other.slug() + "/issues/" + issue + "/events/latest/",
        "/api/0/projects/" + org.slug() + "/" + projectSlug + "/events/" + latest + "/",
        "/api/0/issues/" + issue + "/comments/")) {
      Response foreign = bearer(otherToken).get(path);
      assertThat(foreign.statusCode()).as("GET %s with another organization's token", path).isEqualTo(404);
      assertThat(foreign.asString()).doesNotContain("ZeroDivisionError").contains("detail");
    }
    bearer(otherToken).body(Map.of("status", "ignored")).put("/api/0/issues/" + issue + "/").then().statusCode(404);
    bearer(otherToken).body(Map.of("text", "hi")).post("/api/0/issues/" + issue + "/comments/").then().statusCode(404);
    String viewer = tenants.token(tenants.member(org, Role.VIEWER).id(), org, Scope.EVENT_READ, Scope.EVENT_WRITE);
    bearer(viewer).get("/api/0/issues/" + issue + "/").then().statusCode(200);
    bearer(viewer).body(Map.of("status", "ignored")).put("/api/0/issues/" + issue + "/").then().statusCode(403);
    assertThat(bearer(token).get("/api/0/issues/" + issue + "/").jsonPath().getString("status")).isEqualTo("unresolved");
  }

  @Test
  void commentsAreStoredAndListedAsSentryNotes() {
    Seed seed = new Seed(upserts, storage);
    long issue = seed.issue(project, "ValueError: bad", "app in f", "error", t0, t0);
    seed.events(E.of(project, issue, t0));

    // create_sentry_issue_comment.
    JsonPath note = bearer(token).body(Map.of("text", "Looks like the cache; rolling back.")).post("/api/0/issues/" + issue + "/comments/")
        .then().statusCode(201).extract().jsonPath();
    assertThat(note.getString("type")).isEqualTo("note");
    assertThat(note.getString("data.text")).isEqualTo("Looks like the cache; rolling back.");
    assertThat(note.getString("user.email")).isEqualTo(org.owner().email());
    assertThat(note.getString("id")).isNotBlank();
    assertThat(note.getString("dateCreated")).isNotNull();
    bearer(token).body(Map.of("text", "Fixed in 1.4.3")).post("/api/0/issues/" + issue + "/comments/").then().statusCode(201);
    bearer(token).body(Map.of("text", " ")).post("/api/0/issues/" + issue + "/comments/").then().statusCode(400);

    JsonPath list = bearer(token).get("/api/0/issues/" + issue + "/comments/").then().statusCode(200).extract().jsonPath();
    assertThat(list.getList("data.text", String.class)).containsExactly("Fixed in 1.4.3", "Looks like the cache; rolling back.");
    assertThat(bearer(token).get("/api/0/issues/" + issue + "/").jsonPath().getInt("numComments")).isEqualTo(2);

    String readOnly = tenants.token(org.owner().id(), org, Scope.EVENT_READ);
    bearer(readOnly).body(Map.of("text", "no")).post("/api/0/issues/" + issue + "/comments/").then().statusCode(403);
  }

  /** Stores the fixture event for the issue at the time and returns its id. */
  private String store(long issue, Instant at) throws IOException {
    UUID id = UUID.randomUUID();
    String hex = id.toString().replace("-", "");
    String payload;
    try (InputStream in = getClass().getResourceAsStream("/sentryapi/python-zero-division.normalized.json")) {
      payload = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("EVENT_ID", hex);
    }
    Event event =
        new Event(id, project, at, at, "python", Level.ERROR, "", "shop.views.cart_summary", "shop@1.4.2", "production",
            "web-1", "", List.of(), Map.of("browser", "curl"), new UserInfo("1042", "alice@example.com", null, "203.0.113.7"),
            null, null, List.of(), "sentry.python.flask", "2.19.2", payload);
    storage.eventWriter().insert(List.of(new GroupedEvent(issue, event, "ZeroDivisionError: division by zero", "shop.pricing in average_price")),
        "test-" + UUID.randomUUID());
    return hex;
  }

  /** rel → [url, results, cursor]. */
  private static Map<String, String[]> links(String header) {
    assertThat(header).isNotNull();
    Map<String, String[]> links = new java.util.HashMap<>();
    Matcher m = LINK.matcher(header);
    while (m.find()) {
      links.put(m.group(2), new String[] {m.group(1), m.group(3), m.group(4)});
    }
    assertThat(links).containsKeys("previous", "next");
    return links;
  }
}
