package dev.vigil.storage.clickhouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fresh, randomly named ClickHouse databases on the local stack's endpoint, for one test class each. */
public final class TestDatabases {

  /** The local stack's endpoint unless VIGIL_CLICKHOUSE_URL or -Dvigil.clickhouse.url says otherwise. */
  public static final String URL =
      System.getProperty(
          "vigil.clickhouse.url",
          System.getenv().getOrDefault(
              "VIGIL_CLICKHOUSE_URL", "jdbc:clickhouse:http://localhost:18123/default?compress=false"));

  private TestDatabases() {}

  /** Storage pointing at a new database name (the database itself is created by the migrations). */
  public static ClickHouseStorage fresh() {
    String name = "vigil_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return new ClickHouseStorage(URL, name, "default", "");
  }

  public static void drop(ClickHouseStorage storage) throws SQLException {
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + storage.database());
    }
  }
}
