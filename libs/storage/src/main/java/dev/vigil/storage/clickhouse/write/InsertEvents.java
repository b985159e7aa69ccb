package dev.vigil.storage.clickhouse.write;

import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.GroupedEvent;
import dev.vigil.domain.UserInfo;
import dev.vigil.storage.EventWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.Timestamps;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts grouped events into {@code <database>.events} as one batched INSERT per call, deduplicated
 * by the caller's token (see {@link BatchInsert} for how, and for why column names are quoted).
 */
public final class InsertEvents implements EventWriter {

  private static final List<String> COLUMNS =
      List.of("project_id", "issue_id", "event_id", "timestamp", "received_at", "level", "platform", "environment",
          "release", "server_name", "logger", "transaction", "title", "culprit", "message", "exception_types",
          "exception_values", "user_key", "user_id", "user_email", "user_username", "user_ip", "trace_id", "span_id",
          "tags", "sdk_name", "sdk_version", "payload");

  private final BatchInsert<GroupedEvent> insert;

  public InsertEvents(ClickHouseStorage storage) {
    this.insert = new BatchInsert<>(storage, "events", COLUMNS, "events", InsertEvents::bind);
  }

  @Override
  public void insert(List<GroupedEvent> events, String deduplicationToken) {
    DeduplicationTokens.check(deduplicationToken);
    insert.insert(events, deduplicationToken);
  }

  private static void bind(PreparedStatement ps, GroupedEvent grouped) throws SQLException {
    Event e = grouped.event();
    UserInfo user = e.user();
    int i = 0;
    ps.setLong(++i, e.projectId());
    ps.setLong(++i, grouped.issueId());
    ps.setString(++i, e.eventId().toString());
    ps.setString(++i, Timestamps.nanos(e.timestamp()));
    ps.setString(++i, Timestamps.millis(e.receivedAt()));
    ps.setString(++i, e.level().wireName());
    ps.setString(++i, text(e.platform()));
    ps.setString(++i, text(e.environment()));
    ps.setString(++i, text(e.release()));
    ps.setString(++i, text(e.serverName()));
    ps.setString(++i, text(e.logger()));
    ps.setString(++i, text(e.transaction()));
    ps.setString(++i, text(grouped.title()));
    ps.setString(++i, text(grouped.culprit()));
    ps.setString(++i, text(e.message()));
    ps.setObject(++i, e.exceptions().stream().map(x -> text(x.type())).toList());
    ps.setObject(++i, e.exceptions().stream().map(ExceptionValue::value).map(InsertEvents::text).toList());
    ps.setString(++i, user.key());
    ps.setString(++i, text(user.id()));
    ps.setString(++i, text(user.email()));
    ps.setString(++i, text(user.username()));
    ps.setString(++i, text(user.ipAddress()));
    ps.setString(++i, text(e.traceId()));
    ps.setString(++i, text(e.spanId()));
    ps.setObject(++i, tags(e));
    ps.setString(++i, text(e.sdkName()));
    ps.setString(++i, text(e.sdkVersion()));
    ps.setString(++i, text(e.payload()));
  }

  /**
   * The SDK's tags plus the event fields Sentry also exposes as tags, so that tag distributions
   * cover them; the event fields win over an SDK tag of the same name, as in Sentry.
   */
  static Map<String, String> tags(Event e) {
    Map<String, String> tags = new LinkedHashMap<>(e.tags());
    tags.put("level", e.level().wireName());
    putIfPresent(tags, "environment", e.environment());
    putIfPresent(tags, "release", e.release());
    putIfPresent(tags, "server_name", e.serverName());
    return tags;
  }

  private static void putIfPresent(Map<String, String> tags, String key, String value) {
    if (value != null && !value.isEmpty()) {
      tags.put(key, value);
    }
  }

  private static String text(String value) {
    return Values.text(value);
  }
}
