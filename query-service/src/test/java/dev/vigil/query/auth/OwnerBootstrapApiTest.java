package dev.vigil.query.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.query.FreshPostgresSchema;
import dev.vigil.query.Seed;
import dev.vigil.query.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/bootstrap/owner} (what ./vigil up calls) on an installation without users. */
@QuarkusTest
@TestProfile(OwnerBootstrapApiTest.EmptyInstallation.class)
class OwnerBootstrapApiTest {

  /** A PostgreSQL schema of its own: no user exists yet. */
  public static final class EmptyInstallation implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FreshPostgresSchema.class));
    }
  }

  @Test
  void theAdminTokenCreatesTheFirstOwnerOnceAndTheOwnerLogsIn() {
    Response created = bootstrap("First.Owner@Example.com");

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.jsonPath().getString("user.email")).isEqualTo("first.owner@example.com");
    assertThat(created.jsonPath().getList("memberships", Map.class))
        .containsExactly(Map.of("organization", "default", "role", "owner"));
    assertThat(
            given()
                .contentType("application/json")
                .header("X-Forwarded-For", Tenants.clientIp())
                .body(Map.of("email", "first.owner@example.com", "password", Tenants.PASSWORD))
                .post("/api/v1/auth/login")
                .statusCode())
        .isEqualTo(200);
    assertThat(bootstrap("second.owner@example.com").statusCode()).isEqualTo(409);
  }

  private static Response bootstrap(String email) {
    return given()
        .header("Authorization", Seed.TOKEN)
        .contentType("application/json")
        .body(Map.of("email", email, "password", Tenants.PASSWORD, "organization", "default"))
        .post("/api/v1/bootstrap/owner");
  }
}
