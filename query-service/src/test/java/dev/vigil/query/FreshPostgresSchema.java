package dev.vigil.query;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own in the test database, migrated by Flyway at start, for tests that need an
 * installation nobody else writes to (no users yet, say); dropped when the tests end. Register it through a
 * test profile's {@code testResources()}, so that it applies to that profile's tests only.
 */
public final class FreshPostgresSchema implements QuarkusTestResourceLifecycleManager {

  private final String jdbcUrl = env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/vigil_test");
  private final String reactiveUrl = env("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:15432/vigil_test");
  private String schema;

  @Override
  public Map<String, String> start() {
    new PostgresStack().start();
    schema = "qs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return Map.of(
        "quarkus.datasource.jdbc.url", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        "quarkus.datasource.reactive.url", reactiveUrl + (reactiveUrl.contains("?") ? "&" : "?") + "search_path=" + schema,
        "quarkus.flyway.schemas", schema);
  }

  @Override
  public void stop() {
    if (schema == null) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(
                jdbcUrl, env("QUARKUS_DATASOURCE_USERNAME", "vigil"), env("QUARKUS_DATASOURCE_PASSWORD", "vigil"));
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (Exception e) {
      // Left behind, it only costs a few empty tables in the test database.
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
