package dev.vigil.query.projects.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.Session;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing, changing and rotating DSN keys, as organization members experience it. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class ProjectKeyApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;

  Tenants tenants;
  Org org;
  long project;
  String keys;
  String key;

  @BeforeEach
  void project() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("keys");
    project = Tenants.project(org, "keys");
    keys = "/api/v1/projects/" + project + "/keys";
    key = Tenants.login(org.owner()).api().get(keys).then().statusCode(200).extract().jsonPath().getString("[0].publicKey");
  }

  private Session as(Role role) {
    return Tenants.login(tenants.member(org, role));
  }

  @Test
  void membersListKeysWithLabelsAndCreationTimes() {
    JsonPath listed = as(Role.VIEWER).api().get(keys).then().statusCode(200).extract().jsonPath();
    assertThat(listed.getList("publicKey", String.class)).containsExactly(key);
    assertThat(listed.getString("[0].label")).isEqualTo("Default");
    assertThat(listed.getString("[0].createdAt")).isNotBlank();
    assertThat(listed.getString("[0].dsn")).endsWith("/" + project);
  }

  @Test
  void adminsSetAndClearTheRateLimitAndDisableKeys() {
    Session admin = as(Role.ADMIN);
    admin.api().body(Map.of("rateLimitPerMinute", 120, "label", "Backend")).put(keys + "/" + key)
        .then().statusCode(200).body("rateLimitPerMinute", is(120)).body("label", is("Backend")).body("active", is(true));
    // An absent field is left alone, an explicit null clears the limit.
    admin.api().body(Map.of("active", false)).put(keys + "/" + key)
        .then().statusCode(200).body("rateLimitPerMinute", is(120)).body("active", is(false));
    Map<String, Object> clear = new HashMap<>();
    clear.put("rateLimitPerMinute", null);
    admin.api().body(clear).put(keys + "/" + key).then().statusCode(200).body("rateLimitPerMinute", nullValue()).body("label", is("Backend"));
    assertThat(admin.api().get(keys).jsonPath().getBoolean("[0].active")).isFalse();

    admin.api().body(Map.of("rateLimitPerMinute", 0)).put(keys + "/" + key).then().statusCode(400);
    admin.api().body(Map.of("active", "yes")).put(keys + "/" + key).then().statusCode(400);
    admin.api().body(Map.of("active", true)).put(keys + "/" + "0".repeat(32)).then().statusCode(404);

    JsonPath audit = Tenants.login(org.owner()).api().get("/api/v1/organizations/" + org.slug() + "/audit-log").jsonPath();
    assertThat(audit.getList("action", String.class)).contains("project.key.update");
  }

  @Test
  void rotatingGivesANewKeyWithTheSameLabelAndLimitAndDisablesTheOld() {
    Session admin = as(Role.ADMIN);
    admin.api().body(Map.of("rateLimitPerMinute", 30, "label", "Web")).put(keys + "/" + key).then().statusCode(200);

    JsonPath rotated = admin.api().post(keys + "/" + key + "/rotate").then().statusCode(201).extract().jsonPath();
    String fresh = rotated.getString("publicKey");
    assertThat(fresh).matches("[0-9a-f]{32}").isNotEqualTo(key);
    assertThat(rotated.getBoolean("active")).isTrue();
    assertThat(rotated.getString("label")).isEqualTo("Web");
    assertThat(rotated.getInt("rateLimitPerMinute")).isEqualTo(30);
    assertThat(rotated.getString("createdAt")).isNotBlank();

    JsonPath listed = admin.api().get(keys).jsonPath();
    assertThat(listed.getList("publicKey", String.class)).containsExactly(key, fresh);
    assertThat(listed.getList("active", Boolean.class)).containsExactly(false, true);

    JsonPath audit = Tenants.login(org.owner()).api().get("/api/v1/organizations/" + org.slug() + "/audit-log").jsonPath();
    assertThat(audit.getList("action", String.class)).contains("project.key.rotate");
  }

  @Test
  void membersAndViewersMayNotChangeOrRotateKeys() {
    for (Session s : new Session[] {as(Role.MEMBER), as(Role.VIEWER)}) {
      s.api().body(Map.of("active", false)).put(keys + "/" + key).then().statusCode(403).body("detail", containsString("project:write"));
      s.api().post(keys + "/" + key + "/rotate").then().statusCode(403);
    }
    assertThat(as(Role.MEMBER).api().get(keys).jsonPath().getList("active", Boolean.class)).containsExactly(true);
  }

  @Test
  void keysOfOtherOrganizationsAndProjectsAreNotFound() {
    Org other = tenants.organization("keys-other");
    long otherProject = Tenants.project(other, "keys-other");
    Session stranger = Tenants.login(other.owner());
    stranger.api().get(keys).then().statusCode(404);
    stranger.api().body(Map.of("active", false)).put(keys + "/" + key).then().statusCode(404);
    stranger.api().post(keys + "/" + key + "/rotate").then().statusCode(404);
    // The stranger's own project does not reach this project's key either.
    String ownKeys = "/api/v1/projects/" + otherProject + "/keys";
    stranger.api().body(Map.of("active", false)).put(ownKeys + "/" + key).then().statusCode(404);
    stranger.api().post(ownKeys + "/" + key + "/rotate").then().statusCode(404);

    assertThat(Tenants.login(org.owner()).api().get(keys).jsonPath().getList("active", Boolean.class)).containsExactly(true);
  }
}
