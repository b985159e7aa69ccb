package dev.vigil.storage.clickhouse.read.logs;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of log records, newest first, one row per log id (replays may be stored twice until merged).
 *
 * <p>Duplicates are dropped here, not with ClickHouse's {@code LIMIT 1 BY log_id}: that clause stops
 * ClickHouse from reading in the table's order and stopping at the limit, so a day's search read the
 * whole day (2.8 s instead of 0.14 s). A replayed record has the same timestamp and id, so its copies
 * are neighbours in the sort order; a few rows more than asked leave room for them.
 */
final class SelectLogs {

  private static final String COLUMNS =
      "SELECT project_id, reinterpretAsInt64(log_id), toUnixTimestamp64Nano(timestamp), toUnixTimestamp64Nano(observed_timestamp),"
          + " trace_id, span_id, trace_flags, severity_text, severity_number, service_name, body, scope_name,"
          + " scope_version, toJSONString(resource_attributes), toJSONString(log_attributes), event_name"
          + " FROM ${database}.logs WHERE ";

  /**
   * log_id is a UInt64 and the domain carries it in a signed long with the same bits: the JDBC driver
   * refuses getLong for values above 2^63, so ids are read through reinterpretAsInt64 and bound back
   * through reinterpretAsUInt64, which keeps the comparison in the column's own (unsigned) order.
   */
  private static final String LOG_ID = "reinterpretAsUInt64(toInt64(?))";

  private final ClickHouseStorage storage;

  SelectLogs(ClickHouseStorage storage) {
    this.storage = storage;
  }

  List<LogRecord> page(LogQuery q, LogPosition before, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(COLUMNS);
    LogConditions.append(q, sql, params);
    if (before != null) {
      sql.append(" AND (timestamp, log_id) < (").append(Sql.NANOS).append(", ").append(LOG_ID).append(')');
      params.add(before.timestampNanos());
      params.add(before.logId());
    }
    sql.append(" ORDER BY timestamp DESC, log_id DESC LIMIT ?");
    params.add(withRoomForCopies(limit));
    return distinct(Sql.query(storage, "log search", sql.toString(), params, SelectLogs::map), limit);
  }

  /** Records of one trace in [from, to], oldest first. */
  List<LogRecord> trace(long projectId, String traceId, Instant from, Instant to, int limit) {
    String sql =
        COLUMNS
            + "project_id = ? AND trace_id = ? AND timestamp >= " + Sql.NANOS + " AND timestamp <= " + Sql.NANOS
            + " ORDER BY timestamp, log_id LIMIT ?";
    return distinct(
        Sql.query(
            storage, "trace logs", sql, List.of(projectId, traceId, Sql.nanos(from), Sql.nanos(to), withRoomForCopies(limit)),
            SelectLogs::map),
        limit);
  }

  private static int withRoomForCopies(int limit) {
    return limit + limit / 4 + 8;
  }

  /** The first {@code limit} records, each log id once (its copies are adjacent in the sort order). */
  static List<LogRecord> distinct(List<LogRecord> sorted, int limit) {
    List<LogRecord> out = new ArrayList<>(Math.min(limit, sorted.size()));
    LogRecord previous = null;
    for (LogRecord r : sorted) {
      if (out.size() == limit) {
        break;
      }
      if (previous == null || previous.id() != r.id() || !previous.timestamp().equals(r.timestamp())) {
        out.add(r);
      }
      previous = r;
    }
    return out;
  }

  private static LogRecord map(ResultSet rs) throws SQLException {
    return new LogRecord(
        rs.getLong(1),
        rs.getLong(2),
        Sql.instantOfNanos(rs.getLong(3)),
        Sql.instantOfNanos(rs.getLong(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getInt(7),
        rs.getString(8),
        rs.getInt(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        Sql.stringMap(rs.getString(14)),
        Sql.stringMap(rs.getString(15)),
        rs.getString(16));
  }
}
