package dev.vigil.query.alerting.rest;

import static dev.vigil.query.Tenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Scope;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus rules and alerts API over a project's imported rule file, as Grafana's alert list reads it. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class AlertPrometheusApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject Pool pool;

  Tenants tenants;
  Org org;
  long project;
  String token;
  long apiGroup;

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("promrules");
    project = Tenants.project(org, "promrules");
    token = tenants.token(org.owner().id(), org, Scope.ALERTS_READ, Scope.ALERTS_WRITE);
    apiGroup =
        bearer(token).contentType("text/plain").body(AlertingSeed.resource("rules.yml"))
            .put("/api/v1/projects/" + project + "/alerting/rule-files/rules.yml").then().statusCode(200).extract().jsonPath().getLong("[0].id");
  }

  private String prometheus(String path) {
    return "/api/v1/projects/" + project + "/prometheus/api/v1" + path;
  }

  @Test
  void listsRuleGroupsWithTheirAlertsInPrometheusShape() {
    Instant since = Instant.parse("2026-01-05T10:00:00Z");
    new AlertingSeed(pool).alert(project, "group:" + apiGroup + "/2/HighErrorRate", "HighErrorRate", "firing", 0.125, since,
        Map.of("alertname", "HighErrorRate", "job", "api", "severity", "critical", "team", "api"));

    JsonPath rules = bearer(token).get(prometheus("/rules")).then().statusCode(200).body("status", is("success")).extract().jsonPath();
    assertThat(rules.getList("data.groups.name", String.class)).containsExactly("api-availability", "queues");
    assertThat(rules.getString("data.groups[0].file")).isEqualTo("rules.yml");
    assertThat(rules.getInt("data.groups[0].interval")).isEqualTo(30);
    assertThat(rules.getInt("data.groups[1].interval")).isEqualTo(60);
    assertThat(rules.getString("data.groups[0].lastEvaluation")).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(rules.getList("data.groups[0].rules.type", String.class)).containsExactly("recording", "recording", "alerting", "alerting");

    Map<String, Object> high = rules.getMap("data.groups[0].rules[2]");
    assertThat(high).containsEntry("name", "HighErrorRate").containsEntry("state", "firing").containsEntry("health", "unknown");
    assertThat(high.get("duration")).isEqualTo(300.0f);
    assertThat(high.get("keepFiringFor")).isEqualTo(120.0f);
    assertThat(rules.getString("data.groups[0].rules[2].query")).isEqualTo("job:http_errors:ratio_rate5m > 0.05");
    assertThat(rules.getString("data.groups[0].rules[2].alerts[0].value")).isEqualTo("1.25e-01");
    assertThat(rules.getString("data.groups[0].rules[2].alerts[0].state")).isEqualTo("firing");
    assertThat(Instant.parse(rules.getString("data.groups[0].rules[2].alerts[0].activeAt"))).isEqualTo(since);
    assertThat(rules.getString("data.groups[0].rules[3].state")).isEqualTo("inactive");

    JsonPath onlyRecording = bearer(token).get(prometheus("/rules?type=record")).jsonPath();
    assertThat(onlyRecording.getList("data.groups.name", String.class)).containsExactly("api-availability");
    assertThat(onlyRecording.getList("data.groups[0].rules.type", String.class)).containsOnly("recording");
    JsonPath byName = bearer(token).get(prometheus("/rules?rule_name[]=QueueBacklog&exclude_alerts=true")).jsonPath();
    assertThat(byName.getList("data.groups.rules.flatten().name", String.class)).containsExactly("QueueBacklog");
    bearer(token).get(prometheus("/rules?type=both")).then().statusCode(400).body("errorType", is("bad_data"));

    JsonPath alerts = bearer(token).get(prometheus("/alerts")).then().statusCode(200).extract().jsonPath();
    assertThat(alerts.getList("data.alerts.labels.alertname", String.class)).containsExactly("HighErrorRate");
    assertThat(alerts.getString("data.alerts[0].value")).isEqualTo("1.25e-01");
  }

  @Test
  void anotherOrganizationGetsPrometheusNotFound() {
    Org other = tenants.organization("promrules-other");
    String intruder = tenants.token(other.owner().id(), other, Scope.values());
    bearer(intruder).get(prometheus("/rules")).then().statusCode(404).body("status", is("error")).body("errorType", is("not_found"));
    String eventsOnly = tenants.token(org.owner().id(), org, Scope.EVENT_READ);
    bearer(eventsOnly).get(prometheus("/alerts")).then().statusCode(403).body("errorType", is("forbidden"));
  }
}
