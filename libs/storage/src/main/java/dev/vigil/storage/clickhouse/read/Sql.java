package dev.vigil.storage.clickhouse.read;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/** Small helpers shared by the read statements: binding, placeholders and time conversions. */
final class Sql {

  /**
   * A bound epoch-nanosecond parameter as a DateTime64. Times are bound as integers, never as
   * formatted strings, so the driver's and the server's time zones play no part.
   */
  static final String NANOS = "fromUnixTimestamp64Nano(toInt64(?), 'UTC')";

  /** Maps one result row. */
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  static Instant instantOfNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** An event id as ClickHouse parses UUIDs: 32 hex characters get their dashes back. */
  static String uuid(String eventId) {
    if (eventId.length() != 32) {
      return eventId;
    }
    return eventId.substring(0, 8) + '-' + eventId.substring(8, 12) + '-' + eventId.substring(12, 16) + '-'
        + eventId.substring(16, 20) + '-' + eventId.substring(20);
  }

  /** "?, ?, ?" for the given number of values; the values themselves are bound, never inlined. */
  static String placeholders(Collection<?> values) {
    StringJoiner joiner = new StringJoiner(", ");
    for (int i = 0; i < values.size(); i++) {
      joiner.add("?");
    }
    return joiner.toString();
  }

  static <T> List<T> query(
      ClickHouseStorage storage, String operation, String sql, List<Object> params, RowMapper<T> mapper) {
    try (Connection c = storage.connection();
        PreparedStatement ps = c.prepareStatement(storage.qualify(sql))) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    } catch (SQLException | RuntimeException e) {
      throw storage.unreachable(operation, e);
    }
  }
}
