package dev.vigil.state.alerting.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Conversions between the runtime records and what the reactive PostgreSQL client binds and returns. */
final class Json {

  private Json() {}

  static JsonObject object(Map<String, String> map) {
    JsonObject o = new JsonObject();
    map.forEach(o::put);
    return o;
  }

  static Map<String, String> map(JsonObject o) {
    Map<String, String> out = new TreeMap<>();
    if (o != null) {
      o.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return out;
  }

  static JsonArray array(Set<Long> values) {
    return new JsonArray(values.stream().sorted().map(v -> (Object) v).toList());
  }

  static Set<Long> longs(JsonArray a) {
    Set<Long> out = new HashSet<>();
    if (a != null) {
      for (Object v : a) {
        out.add(((Number) v).longValue());
      }
    }
    return out;
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
