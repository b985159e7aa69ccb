package dev.vigil.state.alerting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Conversions between the alerting records and what the reactive PostgreSQL client binds and returns
 * (shared with the runtime stores in {@code runtime}).
 */
public final class Rows {

  /** PostgreSQL's unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private Rows() {}

  /** Parameters, nulls allowed (Tuple.of refuses none, but List.of would). */
  static Tuple tuple(Object... values) {
    return Tuple.from(Arrays.asList(values));
  }

  static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(mapper.apply(r));
    }
    return out;
  }

  static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
    return rows.size() == 0 ? null : mapper.apply(rows.iterator().next());
  }

  public static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  public static JsonObject object(Map<String, String> map) {
    JsonObject o = new JsonObject();
    if (map != null) {
      map.forEach(o::put);
    }
    return o;
  }

  /** A JSONB object of strings, sorted by name (JSONB keeps no order of its own). */
  public static Map<String, String> strings(Row row, String column) {
    JsonObject o = row.getJsonObject(column);
    Map<String, String> out = new TreeMap<>();
    if (o != null) {
      o.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return out;
  }

  static JsonArray array(List<String> values) {
    return new JsonArray(new ArrayList<>(values == null ? List.of() : values));
  }

  static List<String> stringList(Row row, String column) {
    JsonArray a = row.getJsonArray(column);
    List<String> out = new ArrayList<>();
    if (a != null) {
      a.forEach(v -> out.add(String.valueOf(v)));
    }
    return List.copyOf(out);
  }

  /** A JSONB column as JSON text. */
  static String json(Row row, String column) {
    Object value = row.getValue(column);
    if (value instanceof JsonObject o) {
      return o.encode();
    }
    if (value instanceof JsonArray a) {
      return a.encode();
    }
    return value == null ? null : String.valueOf(value);
  }

  /** A JSON object or array text, as the client binds JSONB. */
  static Object jsonb(String json) {
    String t = json.strip();
    return t.startsWith("[") ? new JsonArray(t) : new JsonObject(t);
  }

  /** Turns a unique violation into {@link NameTakenException}; other failures pass unchanged. */
  static Throwable nameTaken(Throwable failure, String what, String name) {
    if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
      return new NameTakenException(what, name);
    }
    return failure;
  }
}
