package dev.vigil.storage.clickhouse.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads single events and pages of events. Rows may be duplicated until ClickHouse merges them
 * (replays), so every read keeps one row per event id ({@code LIMIT 1 BY event_id}).
 */
final class SelectEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  // `transaction` is quoted here and in SelectIssueTags: the JDBC driver's client-side SQL parser takes the bare
  // word for a keyword and logs a WARN with the whole query on every call (ClickHouse itself accepts both).
  private static final String COLUMNS =
      "project_id, issue_id, replaceAll(toString(event_id), '-', ''), toUnixTimestamp64Nano(timestamp),"
          + " level, platform, environment, release, server_name, `transaction`, title, culprit, message,"
          + " trace_id, span_id, user_id, user_email, user_username, user_ip, toJSONString(tags),"
          + " sdk_name, sdk_version, ";

  // Sort key of an issue's events; the tuple comparison makes keyset paging exact on ties.
  private static final String KEY = "(timestamp, event_id)";
  private static final String POSITION = "(" + Sql.NANOS + ", toUUID(?))";

  private final ClickHouseStorage storage;

  SelectEvents(ClickHouseStorage storage) {
    this.storage = storage;
  }

  /** A page of an issue's events, newest first, strictly older than {@code before} when given. */
  List<StoredEvent> page(long projectId, long issueId, EventPosition before, int limit) {
    List<Object> params = new ArrayList<>(List.of(projectId, issueId));
    StringBuilder sql = new StringBuilder(select(false)).append(" WHERE project_id = ? AND issue_id = ?");
    if (before != null) {
      sql.append(" AND ").append(KEY).append(" < ").append(POSITION);
      params.add(before.timestampNanos());
      params.add(Sql.uuid(before.eventId()));
    }
    sql.append(" ORDER BY timestamp DESC, event_id DESC LIMIT 1 BY event_id LIMIT ?");
    params.add(limit);
    return Sql.query(storage, "issue events", sql.toString(), params, SelectEvents::map);
  }

  /** The newest or the oldest event of an issue, with its payload. */
  Optional<StoredEvent> edge(long projectId, long issueId, boolean newest) {
    String direction = newest ? "DESC" : "ASC";
    String sql =
        select(true)
            + " WHERE project_id = ? AND issue_id = ? ORDER BY timestamp "
            + direction
            + ", event_id "
            + direction
            + " LIMIT 1";
    return first(Sql.query(storage, "issue edge event", sql, List.of(projectId, issueId), SelectEvents::map));
  }

  /** An event of a project by id, with its payload. */
  Optional<StoredEvent> byId(long projectId, String eventId) {
    String sql = select(true) + " WHERE project_id = ? AND event_id = toUUID(?) LIMIT 1";
    return first(Sql.query(storage, "event by id", sql, List.of(projectId, Sql.uuid(eventId)), SelectEvents::map));
  }

  /** The id of the event just older (or newer) than {@code at} within its issue. */
  Optional<String> neighbour(long projectId, long issueId, EventPosition at, boolean older) {
    String sql =
        "SELECT replaceAll(toString(event_id), '-', '') FROM ${database}.events"
            + " WHERE project_id = ? AND issue_id = ? AND "
            + KEY
            + (older ? " < " : " > ")
            + POSITION
            + " ORDER BY timestamp "
            + (older ? "DESC" : "ASC")
            + ", event_id "
            + (older ? "DESC" : "ASC")
            + " LIMIT 1";
    List<Object> params = List.of(projectId, issueId, at.timestampNanos(), Sql.uuid(at.eventId()));
    return first(Sql.query(storage, "neighbour event", sql, params, rs -> rs.getString(1)));
  }

  /** Events of a project raised inside a trace, oldest first. */
  List<StoredEvent> byTrace(long projectId, String traceId, int limit) {
    String sql =
        select(false)
            + " WHERE project_id = ? AND trace_id = ?"
            + " ORDER BY timestamp, event_id LIMIT 1 BY event_id LIMIT ?";
    return Sql.query(storage, "trace events", sql, List.of(projectId, traceId, limit), SelectEvents::map);
  }

  private static String select(boolean withPayload) {
    return "SELECT " + COLUMNS + (withPayload ? "payload" : "''") + " FROM ${database}.events";
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  private static StoredEvent map(ResultSet rs) throws SQLException {
    long nanos = rs.getLong(4);
    String payload = rs.getString(23);
    return new StoredEvent(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        Sql.instantOfNanos(nanos),
        nanos,
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        tags(rs.getString(20)),
        rs.getString(21),
        rs.getString(22),
        payload == null || payload.isEmpty() ? null : payload);
  }

  private static Map<String, String> tags(String json) throws SQLException {
    try {
      return json == null || json.isEmpty() ? Map.of() : JSON.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable tags column: " + e.getOriginalMessage(), e);
    }
  }
}
