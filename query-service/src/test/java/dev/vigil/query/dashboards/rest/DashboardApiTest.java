package dev.vigil.query.dashboards.rest;

import static dev.vigil.query.Tenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.Session;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dashboards as the web UI keeps them: saved, renamed, reordered, deleted; per project and role. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class DashboardApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;

  Tenants tenants;
  Org org;
  long project;
  Session admin;

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("dash");
    project = Tenants.project(org, "dash");
    admin = Tenants.login(tenants.member(org, Role.ADMIN));
  }

  private String dashboards(long projectId) {
    return "/api/v1/projects/" + projectId + "/dashboards";
  }

  static Map<String, Object> panel(String id, String kind, String query, String view, int x, int y) {
    return Map.of("id", id, "title", id + " panel", "kind", kind, "query", query, "view", view, "gridPos", Map.of("x", x, "y", y, "w", 12, "h", 8));
  }

  static Map<String, Object> body(String title, List<Map<String, Object>> panels) {
    return Map.of("title", title, "panels", panels);
  }

  private JsonPath create(String title, List<Map<String, Object>> panels) {
    return admin.api().body(body(title, panels)).post(dashboards(project)).then().statusCode(201).extract().jsonPath();
  }

  @Test
  void savesReadsRenamesAndDeletesADashboard() {
    List<Map<String, Object>> panels =
        List.of(
            panel("latency", "promql", "histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket[5m])))", "graph", 0, 0),
            panel("errors", "issues", "query=timeout&sort=events", "table", 12, 0),
            panel("checkout", "traces", "service=checkout&status=error", "durations", 0, 8),
            panel("volume", "logs", "severity=error", "volume", 12, 8));
    JsonPath created = create("  Checkout health ", panels);
    long id = created.getLong("id");
    assertThat(created.getString("title")).isEqualTo("Checkout health");
    assertThat(created.getInt("version")).isEqualTo(1);
    assertThat(created.getList("panels.id", String.class)).containsExactly("latency", "errors", "checkout", "volume");
    assertThat(created.getMap("panels[0].gridPos")).containsExactlyInAnyOrderEntriesOf(Map.of("x", 0, "y", 0, "w", 12, "h", 8));

    JsonPath read = admin.api().get(dashboards(project) + "/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(read.getString("panels[2].query")).isEqualTo("service=checkout&status=error");

    List<Map<String, Object>> reordered = new ArrayList<>(panels.subList(1, 4));
    Map<String, Object> update = Map.of("title", "Checkout", "panels", reordered, "version", 1);
    JsonPath updated = admin.api().body(update).put(dashboards(project) + "/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(updated.getInt("version")).isEqualTo(2);
    assertThat(updated.getList("panels.id", String.class)).containsExactly("errors", "checkout", "volume");

    JsonPath list = admin.api().get(dashboards(project)).then().statusCode(200).extract().jsonPath();
    assertThat(list.getList("dashboards.title", String.class)).containsExactly("Checkout");
    assertThat(list.getInt("dashboards[0].panelCount")).isEqualTo(3);

    admin.api().delete(dashboards(project) + "/" + id).then().statusCode(204);
    admin.api().get(dashboards(project) + "/" + id).then().statusCode(404);
    admin.api().delete(dashboards(project) + "/" + id).then().statusCode(404);
    assertThat(admin.api().get(dashboards(project)).jsonPath().getList("dashboards")).isEmpty();

    JsonPath audit = Tenants.login(org.owner()).api().get("/api/v1/organizations/" + org.slug() + "/audit-log").jsonPath();
    assertThat(audit.getList("action", String.class)).contains("dashboard.create", "dashboard.update", "dashboard.delete");
  }

  @Test
  void aSaveBasedOnAnOlderVersionIsRefused() {
    long id = create("Shared", List.of()).getLong("id");
    admin.api().body(Map.of("title", "First", "panels", List.of(), "version", 1)).put(dashboards(project) + "/" + id).then().statusCode(200);
    admin.api().body(Map.of("title", "Second", "panels", List.of(), "version", 1)).put(dashboards(project) + "/" + id)
        .then().statusCode(409).body("currentVersion", is(2)).body("detail", containsString("changed meanwhile"));
    assertThat(admin.api().get(dashboards(project) + "/" + id).jsonPath().getString("title")).isEqualTo("First");
  }

  @Test
  void rejectsPanelsTheUiCouldNotDraw() {
    Map<String, Map<String, Object>> bad =
        Map.of(
            "kind must be one of", panel("a", "sql", "select 1", "graph", 0, 0),
            "view of a promql panel", panel("a", "promql", "up", "pie", 0, 0),
            "query of a promql panel", panel("a", "promql", " ", "graph", 0, 0),
            "gridPos.x must be", panel("a", "promql", "up", "graph", 13, 0),
            "id must be", panel("a b", "promql", "up", "graph", 0, 0));
    bad.forEach(
        (message, p) ->
            admin.api().body(body("Bad", List.of(p))).post(dashboards(project)).then().statusCode(400).body("detail", containsString(message)));
    admin.api().body(body("Twice", List.of(panel("a", "promql", "up", "graph", 0, 0), panel("a", "logs", "", "volume", 0, 8))))
        .post(dashboards(project)).then().statusCode(400).body("detail", containsString("repeats"));
    admin.api().body(Map.of("title", "x".repeat(201))).post(dashboards(project)).then().statusCode(400);
    admin.api().body(Map.of("panels", List.of())).post(dashboards(project)).then().statusCode(400).body("detail", containsString("title"));
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(panel("p" + i, "promql", "up", "graph", 0, i * 8));
    }
    admin.api().body(body("Many", many)).post(dashboards(project)).then().statusCode(400).body("detail", containsString("at most 50"));
  }

  @Test
  void viewersReadDashboardsButCannotChangeThem() {
    long id = create("Ops", List.of(panel("cpu", "promql", "process_cpu_seconds_total", "graph", 0, 0))).getLong("id");
    Session viewer = Tenants.login(tenants.member(org, Role.VIEWER));
    viewer.api().get(dashboards(project)).then().statusCode(200).body("dashboards[0].title", is("Ops"));
    viewer.api().get(dashboards(project) + "/" + id).then().statusCode(200);
    viewer.api().body(body("Mine", List.of())).post(dashboards(project)).then().statusCode(403).body("detail", containsString("project:write"));
    viewer.api().body(body("Renamed", List.of())).put(dashboards(project) + "/" + id).then().statusCode(403);
    viewer.api().delete(dashboards(project) + "/" + id).then().statusCode(403);
    // Writes from the session also need the CSRF header.
    admin.withoutCsrf().body(body("No CSRF", List.of())).post(dashboards(project)).then().statusCode(403);
    assertThat(admin.api().get(dashboards(project) + "/" + id).jsonPath().getString("title")).isEqualTo("Ops");
  }

  @Test
  void anotherOrganizationsDashboardsAreNotFound() {
    long id = create("Private", List.of()).getLong("id");
    Org otherOrg = tenants.organization("dash-other");
    long otherProject = Tenants.project(otherOrg, "dash-other");
    String intruder = tenants.token(otherOrg.owner().id(), otherOrg, Scope.values());
    bearer(intruder).get(dashboards(project)).then().statusCode(404);
    bearer(intruder).get(dashboards(project) + "/" + id).then().statusCode(404);
    bearer(intruder).body(body("Taken", List.of())).put(dashboards(project) + "/" + id).then().statusCode(404);
    bearer(intruder).delete(dashboards(project) + "/" + id).then().statusCode(404);
    // The id under the intruder's own project is not found either.
    bearer(intruder).get(dashboards(otherProject) + "/" + id).then().statusCode(404);
    bearer(intruder).delete(dashboards(otherProject) + "/" + id).then().statusCode(404);
    assertThat(admin.api().get(dashboards(project) + "/" + id).jsonPath().getString("title")).isEqualTo("Private");
  }
}
