package dev.vigil.query.alerting.rest;

import static dev.vigil.query.Tenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.Session;
import dev.vigil.query.Tenants.User;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alerts of a project now, the silences that mute them, and their history. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class AlertSilenceApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject Pool pool;

  Tenants tenants;
  Org org;
  long project;
  User adminUser;
  Session admin;
  AlertingSeed seed;
  Instant now = Instant.now();

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("silences");
    project = Tenants.project(org, "silences");
    adminUser = tenants.member(org, Role.ADMIN);
    admin = Tenants.login(adminUser);
    seed = new AlertingSeed(pool);
  }

  private String alerting(String path) {
    return "/api/v1/projects/" + project + "/alerting" + path;
  }

  @Test
  void aSilenceMutesMatchingAlertsUntilItIsExpired() {
    seed.alert(project, "group:" + project + "/0/HighErrorRate", "HighErrorRate", "firing", 0.12, now.minusSeconds(600),
        Map.of("alertname", "HighErrorRate", "env", "prod", "severity", "critical"));
    seed.alert(project, "group:" + project + "/0/HighErrorRate", "HighErrorRate", "firing", 0.08, now.minusSeconds(300),
        Map.of("alertname", "HighErrorRate", "env", "staging", "severity", "critical"));

    JsonPath created =
        admin.api()
            .body(Map.of("matchers", "{alertname=\"HighErrorRate\", env=\"prod\"}", "durationSeconds", 3600, "comment", "deploying the fix"))
            .post(alerting("/silences")).then().statusCode(201).extract().jsonPath();
    long id = created.getLong("id");
    assertThat(created.getString("state")).isEqualTo("active");
    assertThat(created.getString("matchers")).isEqualTo("{alertname=\"HighErrorRate\",env=\"prod\"}");
    assertThat(created.getString("createdBy")).isEqualTo(adminUser.email());
    assertThat(created.getString("comment")).isEqualTo("deploying the fix");
    assertThat(Instant.parse(created.getString("endsAt"))).isAfter(now.plusSeconds(3590));

    JsonPath alerts = admin.api().get(alerting("/alerts?state=firing")).then().statusCode(200).extract().jsonPath();
    // Newest first: staging fired later.
    assertThat(alerts.getList("labels.env", String.class)).containsExactly("staging", "prod");
    assertThat(alerts.getList("[1].silencedBy", Long.class)).containsExactly(id);
    assertThat(alerts.getList("[0].silencedBy", Long.class)).isEmpty();
    assertThat(alerts.getString("[0].kind")).isEqualTo("promql");
    assertThat(alerts.getString("[0].fingerprint")).hasSize(16);

    admin.api().delete(alerting("/silences/" + id)).then().statusCode(200).body("state", is("expired"));
    assertThat(admin.api().get(alerting("/alerts")).jsonPath().getList("silencedBy.flatten()")).isEmpty();
    assertThat(admin.api().get(alerting("/silences")).jsonPath().getList("state", String.class)).containsExactly("expired");
    admin.api().delete(alerting("/silences/999999999")).then().statusCode(404);
    JsonPath audit = Tenants.login(org.owner()).api().get("/api/v1/organizations/" + org.slug() + "/audit-log").jsonPath();
    assertThat(audit.getList("action", String.class)).contains("alerting.silence.create", "alerting.silence.expire");
  }

  @Test
  void aPendingSilenceIsListedAsPendingAndExpiresToo() {
    JsonPath pending =
        admin.api()
            .body(Map.of("matchers", "severity=\"warning\"", "startsAt", now.plusSeconds(3600).toString(), "endsAt", now.plusSeconds(7200).toString()))
            .post(alerting("/silences")).then().statusCode(201).extract().jsonPath();
    assertThat(pending.getString("state")).isEqualTo("pending");
    admin.api().delete(alerting("/silences/" + pending.getLong("id"))).then().statusCode(200).body("state", is("expired"));
  }

  @Test
  void silencesThatWouldMuteEverythingOrNothingAreRefused() {
    Map<String, Map<String, Object>> bad =
        Map.of(
            "at least one matcher", Map.of("matchers", "", "durationSeconds", 60),
            "must not match the empty string", Map.of("matchers", "{env=~\".*\"}", "durationSeconds", 60),
            "endsAt must be in the future", Map.of("matchers", "{env=\"prod\"}", "endsAt", now.minusSeconds(60).toString()),
            "endsAt (or durationSeconds) is required", Map.of("matchers", "{env=\"prod\"}"),
            "matchers: bad matchers at column", Map.of("matchers", "{env=\"prod\"", "durationSeconds", 60));
    bad.forEach((message, body) -> admin.api().body(body).post(alerting("/silences")).then().statusCode(400).body("detail", containsString(message)));
  }

  @Test
  void alertsAreFilteredByStateAndTheHistoryIsPaged() {
    seed.alert(project, "group:" + project + "/0/QueueBacklog", "QueueBacklog", "pending", 1500, now.minusSeconds(60), Map.of("alertname", "QueueBacklog"));
    seed.alert(project, "error:" + project, "New issue", "resolved", 1, now.minusSeconds(900), Map.of("alertname", "New issue", "issue_id", "42"));
    assertThat(admin.api().get(alerting("/alerts")).jsonPath().getList("state", String.class)).containsExactly("pending", "resolved");
    assertThat(admin.api().get(alerting("/alerts?state=resolved")).jsonPath().getList("kind", String.class)).containsExactly("error");
    assertThat(admin.api().get(alerting("/alerts?state=firing,pending")).jsonPath().getList("ruleName", String.class)).containsExactly("QueueBacklog");
    admin.api().get(alerting("/alerts?state=burning")).then().statusCode(400);

    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(seed.history(project, "Alert" + i, "pending", "firing", now.minusSeconds(50 - i)));
    }
    JsonPath page1 = admin.api().get(alerting("/history?limit=3")).then().statusCode(200).extract().jsonPath();
    assertThat(page1.getList("id", Long.class)).containsExactly(ids.get(4), ids.get(3), ids.get(2));
    assertThat(page1.getString("[0].from")).isEqualTo("pending");
    assertThat(page1.getString("[0].to")).isEqualTo("firing");
    JsonPath page2 = admin.api().get(alerting("/history?limit=3&before=" + ids.get(2))).then().statusCode(200).extract().jsonPath();
    assertThat(page2.getList("id", Long.class)).containsExactly(ids.get(1), ids.get(0));
    admin.api().get(alerting("/history?before=abc")).then().statusCode(400);
  }

  @Test
  void viewersSeeAlertsAndSilencesButCannotSilence() {
    Session viewer = Tenants.login(tenants.member(org, Role.VIEWER));
    viewer.api().get(alerting("/alerts")).then().statusCode(200);
    viewer.api().get(alerting("/silences")).then().statusCode(200);
    viewer.api().get(alerting("/history")).then().statusCode(200);
    viewer.api().body(Map.of("matchers", "{env=\"prod\"}", "durationSeconds", 60)).post(alerting("/silences")).then().statusCode(403);

    String token = tenants.token(null, org, Scope.ALERTS_READ, Scope.ALERTS_WRITE);
    String by = bearer(token).body(Map.of("matchers", "{env=\"prod\"}", "durationSeconds", 60)).post(alerting("/silences"))
        .then().statusCode(201).extract().jsonPath().getString("createdBy");
    assertThat(by).startsWith("organization token");

    Org other = tenants.organization("silences-other");
    String intruder = tenants.token(other.owner().id(), other, Scope.values());
    bearer(intruder).get(alerting("/alerts")).then().statusCode(404);
    bearer(intruder).get(alerting("/silences")).then().statusCode(404);
  }
}
