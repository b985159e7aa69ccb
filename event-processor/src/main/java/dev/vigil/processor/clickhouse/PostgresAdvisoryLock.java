package dev.vigil.processor.clickhouse;

import dev.vigil.storage.clickhouse.schema.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A session-level PostgreSQL advisory lock, so that processors starting together migrate the
 * ClickHouse schema one at a time. PostgreSQL releases it by itself if the holder dies.
 */
final class PostgresAdvisoryLock implements MigrationLock {

  // Arbitrary but fixed: every Vigil process that migrates ClickHouse must use the same key.
  static final long CLICKHOUSE_MIGRATIONS = 0x56494749_4C434801L;

  private final DataSource dataSource;
  private final long key;

  PostgresAdvisoryLock(DataSource dataSource, long key) {
    this.dataSource = dataSource;
    this.key = key;
  }

  @Override
  public AutoCloseable acquire() throws SQLException {
    Connection connection = dataSource.getConnection();
    try (Statement s = connection.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + key + ")");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return () -> {
      try (connection;
          Statement s = connection.createStatement()) {
        s.execute("SELECT pg_advisory_unlock(" + key + ")");
      }
    };
  }
}
