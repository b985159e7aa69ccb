package dev.vigil.storage.clickhouse.write;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL against a test database, results as strings, so tests read back what writers stored. */
final class Rows {

  private Rows() {}

  /** Every row of the query, each column as the driver's string form; {@code ${database}} is qualified. */
  static List<List<String>> query(ClickHouseStorage storage, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = storage.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(storage.qualify(sql))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cols.add(rs.getString(i));
        }
        rows.add(cols);
      }
    }
    return rows;
  }

  /** Runs a statement without result, e.g. OPTIMIZE TABLE ... FINAL. */
  static void execute(ClickHouseStorage storage, String sql) throws Exception {
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute(storage.qualify(sql));
    }
  }
}
