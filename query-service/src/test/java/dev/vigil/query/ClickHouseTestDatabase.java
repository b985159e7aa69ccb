package dev.vigil.query;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import dev.vigil.testsupport.ClickHouseStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh ClickHouse database with Vigil's schema for one test run, on the local stack's endpoint,
 * so tests never see rows written by other runs; dropped when the tests end.
 */
public final class ClickHouseTestDatabase implements QuarkusTestResourceLifecycleManager {

  private ClickHouseStorage storage;

  @Override
  public Map<String, String> start() {
    Map<String, String> stack = new ClickHouseStack().start();
    String database = "vigil_qs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    storage = new ClickHouseStorage(ClickHouseStack.jdbcUrl(), database, "default", "");
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    return Map.of("vigil.clickhouse.url", stack.get("vigil.clickhouse.url"), "vigil.clickhouse.database", database);
  }

  @Override
  public void stop() {
    if (storage == null) {
      return;
    }
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + storage.database());
    } catch (Exception e) {
      // Left behind, it only costs disk space in the development stack.
    }
  }
}
