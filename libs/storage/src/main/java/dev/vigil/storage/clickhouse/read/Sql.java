package dev.vigil.storage.clickhouse.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Small helpers shared by the read statements: binding, placeholders and time conversions. Public
 * only for the read packages below this one (traces, logs, services, metrics).
 */
public final class Sql {

  /**
   * A bound epoch-nanosecond parameter as a DateTime64. Times are bound as integers, never as
   * formatted strings, so the driver's and the server's time zones play no part.
   */
  public static final String NANOS = "fromUnixTimestamp64Nano(toInt64(?), 'UTC')";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  /** Maps one result row. */
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  public static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  public static Instant instantOfNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** An event id as ClickHouse parses UUIDs: 32 hex characters get their dashes back. */
  public static String uuid(String eventId) {
    if (eventId.length() != 32) {
      return eventId;
    }
    return eventId.substring(0, 8) + '-' + eventId.substring(8, 12) + '-' + eventId.substring(12, 16) + '-'
        + eventId.substring(16, 20) + '-' + eventId.substring(20);
  }

  /** "?, ?, ?" for the given number of values; the values themselves are bound, never inlined. */
  public static String placeholders(Collection<?> values) {
    StringJoiner joiner = new StringJoiner(", ");
    for (int i = 0; i < values.size(); i++) {
      joiner.add("?");
    }
    return joiner.toString();
  }

  public static <T> List<T> query(
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
      throw storage.failed(operation, e);
    }
  }

  /** A LIKE pattern matching {@code text} anywhere, with LIKE's wildcards in the text escaped. */
  public static String containsPattern(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** A {@code toJSONString(map)} column as a map; empty for an empty column. */
  public static Map<String, String> stringMap(String json) throws SQLException {
    try {
      return json == null || json.isEmpty() ? Map.of() : JSON.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable map column: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A {@code toJSONString(...)} column as a tree, for arrays (64-bit integers may arrive quoted:
   * read them with {@code asLong()}, which accepts both).
   */
  public static JsonNode json(String json) throws SQLException {
    try {
      return JSON.readTree(json == null || json.isEmpty() ? "null" : json);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable JSON column: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON object node of string values as a map. */
  public static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
    }
    return map;
  }
}
