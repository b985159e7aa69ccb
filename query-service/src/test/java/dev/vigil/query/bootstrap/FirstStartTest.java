package dev.vigil.query.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.query.FreshPostgresSchema;
import dev.vigil.query.Seed;
import dev.vigil.query.Tenants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * query-service started on an empty installation with VIGIL_BOOTSTRAP_* set, as the Helm chart starts it:
 * the owner can log in, the project's DSN carries the configured key, and starting again changes nothing.
 */
@QuarkusTest
@TestProfile(FirstStartTest.FromEnvironment.class)
class FirstStartTest {

  /** The bootstrap variables as properties, on a PostgreSQL schema of its own (no users yet). */
  public static final class FromEnvironment implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      byte[] key = new byte[16];
      new SecureRandom().nextBytes(key);
      return Map.of(
          "vigil.bootstrap.owner-email", "Owner-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.com",
          "vigil.bootstrap.owner-password", "first start passphrase",
          "vigil.bootstrap.project", "default",
          "vigil.bootstrap.project-key", HexFormat.of().formatHex(key));
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FreshPostgresSchema.class));
    }
  }

  @Inject BootstrapConfig config;
  @Inject FirstStart firstStart;
  @Inject AgroalDataSource postgres;

  @Test
  void theOwnerFromTheEnvironmentLogsInAsOwnerOfTheDefaultOrganization() {
    Response login = login(config.ownerEmail().orElseThrow(), config.ownerPassword().orElseThrow());

    assertThat(login.statusCode()).as(login.asString()).isEqualTo(200);
    assertThat(login.jsonPath().getString("user.email")).isEqualTo(config.ownerEmail().orElseThrow().toLowerCase());
    assertThat(login.jsonPath().getList("memberships", Map.class))
        .containsExactly(Map.of("organization", "default", "role", "owner"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProjectsDsnUsesTheConfiguredKey() {
    String key = config.projectKey().orElseThrow();

    Map<String, Object> project = project("default");

    assertThat(project).as("project default").isNotNull();
    List<Map<String, Object>> keys = (List<Map<String, Object>>) project.get("keys");
    assertThat(keys).extracting(k -> k.get("publicKey")).containsExactly(key);
    assertThat((String) keys.get(0).get("dsn")).matches("https?://" + key + "@[^/]+(/.*)?/" + project.get("id"));
  }

  @Test
  void aSecondStartChangesNothingAndNeverOverwrites() throws SQLException {
    String email = config.ownerEmail().orElseThrow();
    Map<String, Object> before = project("default");
    long users = count("SELECT count(*) FROM users");
    long members = count("SELECT count(*) FROM organization_members");

    firstStart.apply(FirstStartSettings.of(config));
    // Changed variables on a later start: the owner and the project exist, so nothing is overwritten.
    firstStart.apply(
        new FirstStartSettings(
            Optional.of(new FirstStartSettings.Owner(email, "another passphrase")),
            Optional.of(new FirstStartSettings.Project("default", "ffffffffffffffffffffffffffffffff"))));

    assertThat(count("SELECT count(*) FROM users")).isEqualTo(users).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM organization_members")).isEqualTo(members);
    assertThat(project("default")).isEqualTo(before);
    assertThat(login(email, config.ownerPassword().orElseThrow()).statusCode()).isEqualTo(200);
    assertThat(login(email, "another passphrase").statusCode()).isEqualTo(401);
  }

  @Test
  void aKeyThatAnotherProjectHasStopsTheStartNamingTheVariable() {
    FirstStartSettings clash =
        new FirstStartSettings(
            Optional.empty(), Optional.of(new FirstStartSettings.Project("second", config.projectKey().orElseThrow())));

    assertThatThrownBy(() -> firstStart.apply(clash))
        .isInstanceOf(FirstStartSettings.Refused.class)
        .hasMessageContaining("VIGIL_BOOTSTRAP_PROJECT_KEY is already the DSN key of another project");
    assertThat(project("second")).isNull();
  }

  private static Response login(String email, String password) {
    return given()
        .contentType("application/json")
        .header("X-Forwarded-For", Tenants.clientIp())
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> project(String slug) {
    List<Map<String, Object>> projects =
        given().header("Authorization", Seed.TOKEN).get("/api/v1/projects").then().statusCode(200)
            .extract().jsonPath().getList("");
    return projects.stream().filter(p -> slug.equals(p.get("slug"))).findFirst().orElse(null);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
