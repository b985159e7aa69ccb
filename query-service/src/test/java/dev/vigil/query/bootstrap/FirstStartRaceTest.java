package dev.vigil.query.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.query.FreshPostgresSchema;
import dev.vigil.query.Tenants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several query-service replicas starting on an empty installation at the same moment: one owner and one
 * project come out, and no replica fails its start.
 */
@QuarkusTest
@TestProfile(FirstStartRaceTest.EmptyInstallation.class)
class FirstStartRaceTest {

  /** No bootstrap variables at start, a PostgreSQL schema of its own: no user exists yet. */
  public static final class EmptyInstallation implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FreshPostgresSchema.class));
    }
  }

  private static final String PASSWORD = "race passphrase";
  private static final String KEY = "00112233445566778899aabbccddeeff";

  @Inject FirstStart firstStart;
  @Inject AgroalDataSource postgres;

  @Test
  void replicasStartingTogetherCreateOneOwnerAndOneProjectAndAllStart() throws Exception {
    // Two variable sets, as when a replica races ./vigil's bootstrap call with another email.
    List<FirstStartSettings> replicas = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String email = (i % 2 == 0 ? "first" : "second") + "@race.example.com";
      replicas.add(
          new FirstStartSettings(
              Optional.of(new FirstStartSettings.Owner(email, PASSWORD)),
              Optional.of(new FirstStartSettings.Project("racing", KEY))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> starts = new ArrayList<>();
    try {
      for (FirstStartSettings settings : replicas) {
        starts.add(
            pool.submit(
                () -> {
                  go.await();
                  firstStart.apply(settings);
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> start : starts) {
        start.get(60, TimeUnit.SECONDS); // a failed start would throw here
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(rows("SELECT email FROM users")).hasSize(1);
    String owner = rows("SELECT email FROM users").get(0);
    assertThat(rows("SELECT m.role FROM organization_members m JOIN organizations o ON o.id = m.organization_id"
        + " WHERE o.slug = 'default'")).containsExactly("owner");
    assertThat(rows("SELECT slug FROM projects")).containsExactly("racing");
    assertThat(rows("SELECT public_key FROM project_keys")).containsExactly(KEY);
    assertThat(
            given()
                .contentType("application/json")
                .header("X-Forwarded-For", Tenants.clientIp())
                .body(Map.of("email", owner, "password", PASSWORD))
                .post("/api/v1/auth/login")
                .statusCode())
        .isEqualTo(200);
  }

  private List<String> rows(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
