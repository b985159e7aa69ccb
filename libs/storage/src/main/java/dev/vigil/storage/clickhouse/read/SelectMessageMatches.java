package dev.vigil.storage.clickhouse.read;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.ArrayList;
import java.util.List;

/** Issues with an event in the range whose message contains a text, case-insensitively; at most a limit of them. */
final class SelectMessageMatches {

  private final ClickHouseStorage storage;

  SelectMessageMatches(ClickHouseStorage storage) {
    this.storage = storage;
  }

  List<Long> select(EventQuery query, String text, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT DISTINCT issue_id FROM ${database}.events WHERE ");
    query.appendConditions(sql, params);
    sql.append(" AND positionCaseInsensitiveUTF8(message, ?) > 0 LIMIT ?");
    params.add(text);
    params.add(limit);
    return Sql.query(storage, "message matches", sql.toString(), params, rs -> rs.getLong(1));
  }
}
