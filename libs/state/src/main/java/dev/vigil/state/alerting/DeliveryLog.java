package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.Rows.tuple;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The delivery log as the API shows it: a project's notifications, newest first. */
@ApplicationScoped
public class DeliveryLog {

  private static final String SELECT =
      "SELECT d.id, d.channel_id, c.name AS channel_name, d.project_id, d.group_key, d.kind, d.status, d.attempts,"
          + " d.firing_count, d.resolved_count, d.last_status_code, d.last_error, d.created_at, d.next_attempt_at, d.sent_at"
          + " FROM notification_deliveries d JOIN notification_channels c ON c.id = d.channel_id";

  private final Pool pool;

  DeliveryLog(Pool pool) {
    this.pool = pool;
  }

  /** The project's latest {@code limit} deliveries, or only one channel's when {@code channelId} is given. */
  public Uni<List<DeliveryEntry>> list(long projectId, Long channelId, int limit) {
    return pool.preparedQuery(
            SELECT + " WHERE d.project_id = $1 AND ($2::bigint IS NULL OR d.channel_id = $2) ORDER BY d.created_at DESC, d.id DESC LIMIT $3")
        .execute(tuple(projectId, channelId, limit))
        .map(rows -> Rows.list(rows, DeliveryLog::entry));
  }

  /** The delivery, or null when the project has none with this id. */
  public Uni<DeliveryEntry> find(long projectId, long id) {
    return pool.preparedQuery(SELECT + " WHERE d.id = $1 AND d.project_id = $2")
        .execute(tuple(id, projectId))
        .map(rows -> Rows.first(rows, DeliveryLog::entry));
  }

  static DeliveryEntry entry(Row r) {
    return new DeliveryEntry(
        r.getLong("id"),
        r.getLong("channel_id"),
        r.getString("channel_name"),
        r.getLong("project_id"),
        r.getString("group_key"),
        r.getString("kind"),
        r.getString("status"),
        r.getInteger("attempts"),
        r.getInteger("firing_count"),
        r.getInteger("resolved_count"),
        r.getInteger("last_status_code"),
        r.getString("last_error"),
        Rows.instant(r, "created_at"),
        Rows.instant(r, "next_attempt_at"),
        Rows.instant(r, "sent_at"));
  }
}
