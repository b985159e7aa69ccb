package dev.vigil.storage.clickhouse.write;

import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.jdbc.StatementImpl;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * One batched {@code INSERT ... VALUES} into one table through a JDBC PreparedStatement, carrying an
 * {@code insert_deduplication_token} as a setting of this statement only, so it applies to exactly
 * this batch. ClickHouse then skips blocks whose token it has already seen (the table keeps
 * {@code non_replicated_deduplication_window} tokens).
 *
 * <p>Column names are quoted because clickhouse-jdbc 0.9's SQL parser does not recognise an INSERT
 * naming some columns (e.g. {@code transaction}) as INSERT ... VALUES; it then sends every row of a
 * batch as its own INSERT with the same token, and ClickHouse drops all but the first as duplicates.
 */
final class BatchInsert<T> {

  /** Binds one row's values to the statement's parameters, in column order. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  private final ClickHouseStorage storage;
  private final String sql;
  private final String what;
  private final Binder<T> binder;

  /**
   * @param table table name without database
   * @param what plural noun used in failure messages ("events", "spans")
   */
  BatchInsert(ClickHouseStorage storage, String table, List<String> columns, String what, Binder<T> binder) {
    this.storage = storage;
    this.sql =
        storage.qualify(
            "INSERT INTO ${database}." + table + " (`" + String.join("`, `", columns) + "`) VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)");
    this.what = what;
    this.binder = binder;
  }

  /**
   * Inserts the rows as one statement; does nothing for no rows. The writer checked its caller's
   * token with {@link DeduplicationTokens#check}; this only guards against tokens that would need quoting.
   */
  void insert(Collection<? extends T> rows, String deduplicationToken) {
    DeduplicationTokens.checkDerived(deduplicationToken);
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = storage.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      QuerySettings settings = ps.unwrap(StatementImpl.class).getLocalSettings();
      settings.serverSetting("insert_deduplicate", "1");
      settings.serverSetting("insert_deduplication_token", deduplicationToken);
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException | RuntimeException e) {
      throw storage.failed("insert of " + rows.size() + " " + what, e);
    }
  }
}
