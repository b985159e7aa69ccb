package dev.vigil.query.alerting.rest;

import static dev.vigil.query.Tenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.vigil.alerting.rules.RuleFiles;
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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prometheus rule files imported, edited group by group, exported; per project and role. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class AlertRuleApiTest {

  static final String RULES = AlertingSeed.resource("rules.yml");

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
    org = tenants.organization("rules");
    project = Tenants.project(org, "rules");
    admin = Tenants.login(tenants.member(org, Role.ADMIN));
  }

  private String alerting(String path) {
    return "/api/v1/projects/" + project + "/alerting" + path;
  }

  /** A YAML body, as bytes: RestAssured encodes strings only for content types it knows. */
  private static RequestSpecification yaml(RequestSpecification request, String body) {
    return request.contentType("application/yaml").body(body.getBytes(StandardCharsets.UTF_8));
  }

  private JsonPath importRules(String namespace, String yaml) {
    return yaml(admin.api(), yaml).put(alerting("/rule-files/" + namespace)).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void importsARealisticRuleFileAndExportsItBack() throws Exception {
    JsonPath imported = importRules("rules.yml", RULES);
    assertThat(imported.getList("name", String.class)).containsExactly("api-availability", "queues");
    assertThat(imported.getList("namespace", String.class)).containsOnly("rules.yml");
    assertThat(imported.getString("[0].interval")).isEqualTo("30s");
    assertThat(imported.getString("[1].interval")).isNull();
    assertThat(imported.getInt("[1].limit")).isEqualTo(100);
    assertThat(imported.getList("[0].rules.record", String.class)).containsExactly("job:http_requests:rate5m", "job:http_errors:ratio_rate5m", null, null);
    assertThat(imported.getString("[0].rules[2].alert")).isEqualTo("HighErrorRate");
    assertThat(imported.getString("[0].rules[2].for")).isEqualTo("5m");
    assertThat(imported.getString("[0].rules[2].keep_firing_for")).isEqualTo("2m");
    assertThat(imported.getMap("[0].rules[2].labels")).containsExactlyInAnyOrderEntriesOf(Map.of("severity", "critical", "team", "api"));
    assertThat(imported.getString("[0].rules[2].annotations.description")).contains("{{ $value | humanizePercentage }}");
    assertThat(imported.getString("[0].rules[2].health")).isEqualTo("unknown");
    assertThat(imported.getString("[0].health")).isEqualTo("unknown");

    JsonPath listed = admin.api().get(alerting("/rule-groups")).then().statusCode(200).extract().jsonPath();
    assertThat(listed.getList("id", Long.class)).isEqualTo(imported.getList("id", Long.class));

    String exported =
        admin.api().get(alerting("/rule-files/rules.yml")).then().statusCode(200).contentType(containsString("yaml")).extract().asString();
    assertThat(RuleFiles.parse(exported)).isEqualTo(RuleFiles.parse(RULES));
    // Exported and imported again, nothing changes: the same groups at the same versions.
    JsonPath again = importRules("rules.yml", exported);
    assertThat(again.getList("id", Long.class)).isEqualTo(imported.getList("id", Long.class));
    assertThat(again.getList("version", Integer.class)).containsExactly(1, 1);
  }

  @Test
  void aBrokenRuleFileIsRefusedWithEveryProblemNamingItsRule() {
    JsonPath refused =
        yaml(admin.api(), AlertingSeed.resource("rules-with-errors.yml"))
            .put(alerting("/rule-files/broken.yml")).then().statusCode(400).extract().jsonPath();
    List<String> errors = refused.getList("errors", String.class);
    assertThat(errors).hasSizeGreaterThanOrEqualTo(3);
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("HighErrorRate").contains("parse"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("SlowRequests").contains("5minutes"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("\"api\""));
    assertThat(refused.getString("detail")).contains("broken.yml").contains(errors.size() + " problems");
    admin.api().get(alerting("/rule-files/broken.yml")).then().statusCode(404);

    yaml(admin.api(), "groups: [").put(alerting("/rule-files/broken.yml")).then().statusCode(400).body("errors.size()", is(1));
    yaml(admin.api(), RULES).put(alerting("/rule-files/-rules.yml")).then().statusCode(400);
  }

  @Test
  void replacingARuleFileKeepsGroupsOfTheSameNameAndDropsTheOthers() {
    JsonPath first = importRules("rules.yml", RULES);
    long queues = first.getLong("[1].id");
    String changed =
        RULES.substring(RULES.indexOf("  - name: queues")).replace("> 1000", "> 5000");
    JsonPath second = importRules("rules.yml", "groups:\n" + changed + "  - name: databases\n    rules:\n      - alert: ReplicaLag\n        expr: pg_replication_lag_seconds > 30\n");

    assertThat(second.getList("name", String.class)).containsExactly("queues", "databases");
    assertThat(second.getLong("[0].id")).isEqualTo(queues);
    assertThat(second.getInt("[0].version")).isEqualTo(2);
    assertThat(second.getString("[0].rules[0].expr")).contains("> 5000");
    // Another file's groups are not touched.
    importRules("other.yml", "groups:\n  - name: other\n    rules:\n      - record: x:up:sum\n        expr: sum(up)\n");
    importRules("rules.yml", "groups: []\n");
    assertThat(admin.api().get(alerting("/rule-groups")).jsonPath().getList("name", String.class)).containsExactly("other");

    admin.api().delete(alerting("/rule-files/other.yml")).then().statusCode(204);
    admin.api().delete(alerting("/rule-files/other.yml")).then().statusCode(404);
    assertThat(admin.api().get(alerting("/rule-groups")).jsonPath().getList("$")).isEmpty();
  }

  @Test
  void aGroupIsCreatedAndEditedOnItsOwnWithOptimisticVersions() {
    Map<String, Object> group =
        Map.of("name", "checkout", "interval", "1m", "rules", List.of(Map.of("alert", "CheckoutErrors", "expr", "rate(checkout_errors_total[5m]) > 0", "for", "2m")));
    JsonPath created = admin.api().body(group).post(alerting("/rule-groups")).then().statusCode(201).extract().jsonPath();
    long id = created.getLong("id");
    assertThat(created.getString("namespace")).isEqualTo("vigil");
    assertThat(created.getInt("version")).isEqualTo(1);
    assertThat(created.getString("rules[0].keep_firing_for")).isEqualTo("0s");

    // A client may send back what it read, with the edit.
    Map<String, Object> read = admin.api().get(alerting("/rule-groups/" + id)).jsonPath().getMap("$");
    read.put("interval", "2m");
    read.put("basedOnVersion", 1);
    JsonPath updated = admin.api().body(read).put(alerting("/rule-groups/" + id)).then().statusCode(200).extract().jsonPath();
    assertThat(updated.getInt("version")).isEqualTo(2);
    assertThat(updated.getString("interval")).isEqualTo("2m");

    admin.api().body(read).put(alerting("/rule-groups/" + id))
        .then().statusCode(409).body("currentVersion", is(2)).body("detail", containsString("changed meanwhile"));
    admin.api().body(group).post(alerting("/rule-groups")).then().statusCode(409).body("detail", containsString("checkout"));

    Map<String, Object> broken = Map.of("name", "bad", "rules", List.of(Map.of("alert", "Bad", "expr", "rate(x[5m] > 0")));
    admin.api().body(broken).post(alerting("/rule-groups")).then().statusCode(400).body("errors[0]", containsString("Bad"));
    admin.api().body(Map.of("name", "unknown-field", "rules", List.of(), "evaluation", "fast")).post(alerting("/rule-groups")).then().statusCode(400);

    admin.api().delete(alerting("/rule-groups/" + id)).then().statusCode(204);
    admin.api().get(alerting("/rule-groups/" + id)).then().statusCode(404);
    JsonPath audit = Tenants.login(org.owner()).api().get("/api/v1/organizations/" + org.slug() + "/audit-log").jsonPath();
    assertThat(audit.getList("action", String.class))
        .contains("alerting.rule_group.create", "alerting.rule_group.update", "alerting.rule_group.delete");
  }

  @Test
  void viewersAndReadTokensReadRulesButCannotChangeThem() {
    long id = importRules("rules.yml", RULES).getLong("[0].id");
    Session viewer = Tenants.login(tenants.member(org, Role.VIEWER));
    viewer.api().get(alerting("/rule-groups")).then().statusCode(200).body("size()", is(2));
    viewer.api().get(alerting("/rule-files/rules.yml")).then().statusCode(200);
    yaml(viewer.api(), RULES).put(alerting("/rule-files/rules.yml")).then().statusCode(403).body("detail", containsString("alerts:write"));
    viewer.api().delete(alerting("/rule-files/rules.yml")).then().statusCode(403);
    viewer.api().delete(alerting("/rule-groups/" + id)).then().statusCode(403);

    String readOnly = tenants.token(org.owner().id(), org, Scope.ALERTS_READ);
    bearer(readOnly).get(alerting("/rule-groups")).then().statusCode(200);
    yaml(bearer(readOnly), RULES).put(alerting("/rule-files/rules.yml")).then().statusCode(403);
    String writer = tenants.token(org.owner().id(), org, Scope.ALERTS_READ, Scope.ALERTS_WRITE);
    yaml(bearer(writer), RULES).put(alerting("/rule-files/mine.yml")).then().statusCode(200);
    String eventsOnly = tenants.token(org.owner().id(), org, Scope.EVENT_READ);
    bearer(eventsOnly).get(alerting("/rule-groups")).then().statusCode(403);
  }

  @Test
  void anotherOrganizationsRulesAreNotFound() {
    long id = importRules("rules.yml", RULES).getLong("[0].id");
    Org other = tenants.organization("rules-other");
    long otherProject = Tenants.project(other, "rules-other");
    String intruder = tenants.token(other.owner().id(), other, Scope.values());
    bearer(intruder).get(alerting("/rule-groups")).then().statusCode(404);
    bearer(intruder).get(alerting("/rule-files/rules.yml")).then().statusCode(404);
    yaml(bearer(intruder), RULES).put(alerting("/rule-files/rules.yml")).then().statusCode(404);
    bearer(intruder).delete(alerting("/rule-groups/" + id)).then().statusCode(404);
    // Its id under the intruder's own project is not found either.
    bearer(intruder).delete("/api/v1/projects/" + otherProject + "/alerting/rule-groups/" + id).then().statusCode(404);
    assertThat(admin.api().get(alerting("/rule-groups")).jsonPath().getList("id", Long.class)).contains(id);
  }
}
