package dev.vigil.query.alerting.rest;

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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error rules: "any new issue", "seen 100 times in 10 minutes in production", event volume; checked and kept. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class AlertErrorRuleApiTest {

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
    org = tenants.organization("errrules");
    project = Tenants.project(org, "errrules");
    admin = Tenants.login(tenants.member(org, Role.ADMIN));
  }

  private String rules() {
    return "/api/v1/projects/" + project + "/alerting/error-rules";
  }

  @Test
  void keepsChangesAndDeletesErrorRules() {
    JsonPath created =
        admin.api().body(Map.of("name", "Any new issue", "trigger", "new_issue")).post(rules()).then().statusCode(201).extract().jsonPath();
    long id = created.getLong("id");
    assertThat(created.getInt("threshold")).isEqualTo(1);
    assertThat(created.getInt("windowSeconds")).isEqualTo(60);
    assertThat(created.getString("environment")).isNull();
    assertThat(created.getString("minLevel")).isNull();
    assertThat(created.getBoolean("enabled")).isTrue();

    Map<String, Object> storm =
        Map.of("name", "Checkout storm", "trigger", "frequency", "threshold", 100, "windowSeconds", 600, "environment", "production",
            "minLevel", "error", "labels", Map.of("severity", "critical", "team", "checkout"), "enabled", false);
    JsonPath updated = admin.api().body(storm).put(rules() + "/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(updated.getString("trigger")).isEqualTo("frequency");
    assertThat(updated.getInt("threshold")).isEqualTo(100);
    assertThat(updated.getString("environment")).isEqualTo("production");
    assertThat(updated.getMap("labels")).containsEntry("team", "checkout");
    assertThat(updated.getBoolean("enabled")).isFalse();

    assertThat(admin.api().get(rules()).jsonPath().getList("name", String.class)).containsExactly("Checkout storm");
    admin.api().body(Map.of("name", "Checkout storm", "trigger", "volume", "threshold", 10000)).post(rules()).then().statusCode(409);
    admin.api().delete(rules() + "/" + id).then().statusCode(204);
    admin.api().get(rules() + "/" + id).then().statusCode(404);
  }

  @Test
  void refusesRulesTheEvaluatorCouldNotRun() {
    Map<String, Map<String, Object>> bad =
        Map.of(
            "trigger must be one of", Map.of("name", "a", "trigger", "sometimes"),
            "threshold must be", Map.of("name", "b", "trigger", "frequency", "threshold", 0),
            "windowSeconds must be", Map.of("name", "c", "trigger", "volume", "windowSeconds", 30 * 24 * 3600),
            "minLevel must be", Map.of("name", "d", "trigger", "new_issue", "minLevel", "critical"),
            "not a valid label name", Map.of("name", "e", "trigger", "new_issue", "labels", Map.of("team-name", "x")),
            "name must not be empty", Map.of("name", " ", "trigger", "new_issue"));
    bad.forEach((message, body) -> admin.api().body(body).post(rules()).then().statusCode(400).body("detail", containsString(message)));
    Map<String, Object> nullEnvironment = new HashMap<>(Map.of("name", "f", "trigger", "regression"));
    nullEnvironment.put("environment", null);
    admin.api().body(nullEnvironment).post(rules()).then().statusCode(201).body("environment", is((String) null));
  }

  @Test
  void onlyAlertWritersChangeErrorRules() {
    long id = admin.api().body(Map.of("name", "New issue", "trigger", "new_issue")).post(rules()).then().statusCode(201).extract().jsonPath().getLong("id");
    Session viewer = Tenants.login(tenants.member(org, Role.VIEWER));
    viewer.api().get(rules()).then().statusCode(200).body("size()", is(1));
    viewer.api().body(Map.of("name", "Mine", "trigger", "new_issue")).post(rules()).then().statusCode(403);
    viewer.api().delete(rules() + "/" + id).then().statusCode(403);
    // Members manage alerting, as in Sentry.
    Session member = Tenants.login(tenants.member(org, Role.MEMBER));
    member.api().body(Map.of("name", "Mine", "trigger", "new_issue")).post(rules()).then().statusCode(201);

    Org other = tenants.organization("errrules-other");
    String intruder = tenants.token(other.owner().id(), other, Scope.values());
    bearer(intruder).get(rules()).then().statusCode(404);
    bearer(intruder).body(Map.of("name", "Taken", "trigger", "new_issue")).put(rules() + "/" + id).then().statusCode(404);
  }
}
