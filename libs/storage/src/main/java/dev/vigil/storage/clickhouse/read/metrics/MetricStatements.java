package dev.vigil.storage.clickhouse.read.metrics;

import com.clickhouse.client.api.ServerException;
import dev.vigil.promql.engine.PromqlException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the PromQL reads: rows are handed over as they stream in, so a handler can stop a read early
 * by throwing (a limit, the deadline), which closes the response. PromQL errors pass through, the
 * server's timeout becomes PromQL's {@code timeout} error, anything else a StorageException.
 */
final class MetricStatements {

  /** Consumes one row. */
  interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private MetricStatements() {}

  static void stream(ClickHouseStorage storage, String operation, String sql, List<Object> params, RowHandler handler) {
    try (Connection c = storage.connection();
        PreparedStatement ps = c.prepareStatement(storage.qualify(sql))) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } catch (PromqlException e) {
      throw e;
    } catch (SQLException | RuntimeException e) {
      if (isTimeout(e)) {
        throw SelectionBudget.timedOut();
      }
      throw storage.failed(operation, e);
    }
  }

  static <T> List<T> query(ClickHouseStorage storage, String operation, String sql, List<Object> params, Sql.RowMapper<T> mapper) {
    List<T> rows = new ArrayList<>();
    stream(storage, operation, sql, params, rs -> rows.add(mapper.map(rs)));
    return rows;
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ServerException server && server.getCode() == SelectionBudget.TIMEOUT_EXCEEDED) {
        return true;
      }
    }
    return false;
  }
}
