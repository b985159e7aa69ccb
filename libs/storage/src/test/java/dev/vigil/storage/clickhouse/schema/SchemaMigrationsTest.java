package dev.vigil.storage.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  private ClickHouseStorage storage;

  @BeforeEach
  void freshDatabase() {
    storage = TestDatabases.fresh();
  }

  @AfterEach
  void dropDatabase() throws Exception {
    TestDatabases.drop(storage);
  }

  @Test
  void appliesEveryMigrationOnceAndRecordsIt() throws Exception {
    AtomicInteger locks = new AtomicInteger();
    AtomicInteger releases = new AtomicInteger();
    MigrationLock counting =
        () -> {
          locks.incrementAndGet();
          return releases::incrementAndGet;
        };

    List<Integer> applied = new SchemaMigrations(storage).apply(counting);

    assertThat(applied).startsWith(1);
    assertThat(locks).hasValue(1);
    assertThat(releases).hasValue(1);
    assertThat(query("SELECT version, name, length(checksum) FROM " + storage.database()
            + ".schema_migrations ORDER BY version"))
        .startsWith("1|events|64");
    assertThat(query("SELECT name FROM system.tables WHERE database = '" + storage.database() + "' ORDER BY name"))
        .contains("events", "schema_migrations");
  }

  @Test
  void rerunningIsANoOp() throws Exception {
    List<Integer> first = new SchemaMigrations(storage).apply(MigrationLock.LOCAL);

    List<Integer> second = new SchemaMigrations(storage).apply(MigrationLock.LOCAL);

    assertThat(first).isNotEmpty();
    assertThat(second).isEmpty();
    assertThat(query("SELECT count() FROM " + storage.database() + ".schema_migrations"))
        .containsExactly(String.valueOf(first.size()));
  }

  @Test
  void refusesToStartWhenAnAppliedMigrationChanged() {
    Migration original = Migration.parse("V001__probe.sql", "CREATE TABLE IF NOT EXISTS ${database}.probe (x UInt8) ENGINE = Memory;");
    Migration edited = Migration.parse("V001__probe.sql", "CREATE TABLE IF NOT EXISTS ${database}.probe (x UInt16) ENGINE = Memory;");
    new SchemaMigrations(storage, List.of(original)).apply(MigrationLock.LOCAL);

    assertThatThrownBy(() -> new SchemaMigrations(storage, List.of(edited)).apply(MigrationLock.LOCAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V001__probe was changed after it was applied");
  }

  @Test
  void releasesTheLockWhenClickHouseIsDown() {
    ClickHouseStorage down = new ClickHouseStorage("jdbc:clickhouse:http://127.0.0.1:1/default", "vigil_down", "default", "");
    AtomicInteger releases = new AtomicInteger();

    assertThatThrownBy(() -> new SchemaMigrations(down).apply(() -> releases::incrementAndGet))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("127.0.0.1:1");
    assertThat(releases).hasValue(1);
  }

  private List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = storage.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cols.add(rs.getString(i));
        }
        rows.add(String.join("|", cols));
      }
    }
    return rows;
  }
}
