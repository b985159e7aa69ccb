package dev.vigil.storage.clickhouse.schema;

import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies the versioned ClickHouse migrations under {@code clickhouse/migrations/} once each, in
 * order, and records them in {@code <database>.schema_migrations}. Refuses to continue when a
 * migration that was already applied has changed since, because the schema would then differ from
 * what the code expects.
 */
public final class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
  private static final String LOCATION = "clickhouse/migrations/";

  private static final String CREATE_HISTORY =
      "CREATE TABLE IF NOT EXISTS ${database}.schema_migrations ("
          + " version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC')"
          + ") ENGINE = MergeTree ORDER BY version";

  private final ClickHouseStorage storage;
  private final List<Migration> migrations;

  public SchemaMigrations(ClickHouseStorage storage) {
    this(storage, loadFromClasspath());
  }

  SchemaMigrations(ClickHouseStorage storage, List<Migration> migrations) {
    this.storage = storage;
    this.migrations = List.copyOf(migrations);
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() <= migrations.get(i - 1).version()) {
        throw new IllegalStateException("ClickHouse migrations out of order at V" + migrations.get(i).version());
      }
    }
  }

  /**
   * Creates the database if needed and applies pending migrations while holding {@code lock}.
   *
   * @return the versions applied by this call (empty when the schema was up to date)
   * @throws IllegalStateException when an applied migration's checksum changed
   * @throws StorageException when ClickHouse fails
   */
  public List<Integer> apply(MigrationLock lock) {
    try (AutoCloseable held = lock.acquire()) {
      return applyLocked();
    } catch (IllegalStateException | StorageException e) {
      throw e;
    } catch (Exception e) {
      throw storage.failed("schema migration", e);
    }
  }

  private List<Integer> applyLocked() throws SQLException {
    List<Integer> applied = new ArrayList<>();
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + storage.database());
      s.execute(storage.qualify(CREATE_HISTORY));
      Map<Integer, String> history = history(s);
      for (Migration m : migrations) {
        String recorded = history.get(m.version());
        if (recorded != null) {
          if (!recorded.equals(m.checksum())) {
            throw new IllegalStateException(
                "ClickHouse migration " + String.format("V%03d__%s", m.version(), m.name()) + " was changed after it was applied to "
                    + storage.database() + " (checksum " + recorded + " applied, " + m.checksum()
                    + " now); add a new migration instead of editing a released one");
          }
          continue;
        }
        LOG.infof("applying ClickHouse migration V%03d__%s to %s", m.version(), m.name(), storage.database());
        for (String statement : m.statements()) {
          s.execute(storage.qualify(statement));
        }
        record(c, m);
        applied.add(m.version());
      }
    }
    return applied;
  }

  private Map<Integer, String> history(Statement s) throws SQLException {
    Map<Integer, String> history = new HashMap<>();
    try (ResultSet rs =
        s.executeQuery(storage.qualify("SELECT version, checksum FROM ${database}.schema_migrations"))) {
      while (rs.next()) {
        history.put(rs.getInt(1), rs.getString(2));
      }
    }
    return history;
  }

  private void record(Connection c, Migration m) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            storage.qualify(
                "INSERT INTO ${database}.schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"))) {
      ps.setInt(1, m.version());
      ps.setString(2, m.name());
      ps.setString(3, m.checksum());
      ps.setString(4, Timestamps.millis(Instant.now()));
      ps.executeUpdate();
    }
  }

  private static List<Migration> loadFromClasspath() {
    List<Migration> list = new ArrayList<>();
    for (String line : read(LOCATION + "migrations.txt").split("\\R")) {
      String file = line.strip();
      if (!file.isEmpty() && !file.startsWith("#")) {
        list.add(Migration.parse(file, read(LOCATION + file)));
      }
    }
    return list;
  }

  private static String read(String resource) {
    try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
