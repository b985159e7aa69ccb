package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.Rows.tuple;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The projects' notification channels. The API's calls name the project; the dispatcher and sender read
 * all enabled channels, or one by id.
 */
@ApplicationScoped
public class NotificationChannels {

  private static final String COLUMNS =
      "id, project_id, name, type, settings, matchers, group_by, group_wait_seconds, group_interval_seconds,"
          + " repeat_interval_seconds, send_resolved, enabled, created_at, updated_at";

  private final Pool pool;

  NotificationChannels(Pool pool) {
    this.pool = pool;
  }

  /** The project's channels by name. */
  public Uni<List<NotificationChannel>> list(long projectId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM notification_channels WHERE project_id = $1 ORDER BY lower(name), id")
        .execute(Tuple.of(projectId))
        .map(rows -> Rows.list(rows, NotificationChannels::channel));
  }

  /** Every project's enabled channels, for the dispatcher. */
  public Uni<List<NotificationChannel>> allEnabled() {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM notification_channels WHERE enabled ORDER BY project_id, id")
        .execute()
        .map(rows -> Rows.list(rows, NotificationChannels::channel));
  }

  /** The channel, or null when the project has none with this id. */
  public Uni<NotificationChannel> find(long projectId, long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM notification_channels WHERE id = $1 AND project_id = $2")
        .execute(Tuple.of(id, projectId))
        .map(rows -> Rows.first(rows, NotificationChannels::channel));
  }

  /** The channel of a delivery, whatever its project; null when it was deleted. */
  public Uni<NotificationChannel> byId(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM notification_channels WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, NotificationChannels::channel));
  }

  /** A new channel; {@link NameTakenException} when the project has one of this name. */
  public Uni<NotificationChannel> create(long projectId, ChannelSpec s) {
    return pool.preparedQuery(
            "INSERT INTO notification_channels (project_id, name, type, settings, matchers, group_by, group_wait_seconds,"
                + " group_interval_seconds, repeat_interval_seconds, send_resolved, enabled)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING " + COLUMNS)
        .execute(
            tuple(projectId, s.name(), s.type(), Rows.jsonb(s.settingsJson()), s.matchers(), Rows.array(s.groupBy()),
                s.groupWaitSeconds(), s.groupIntervalSeconds(), s.repeatIntervalSeconds(), s.sendResolved(), s.enabled()))
        .onFailure().transform(e -> Rows.nameTaken(e, "channel", s.name()))
        .map(rows -> channel(rows.iterator().next()));
  }

  /** Replaces the channel's settings; null when the project has no such channel. */
  public Uni<NotificationChannel> update(long projectId, long id, ChannelSpec s) {
    return pool.preparedQuery(
            "UPDATE notification_channels SET name = $3, type = $4, settings = $5, matchers = $6, group_by = $7,"
                + " group_wait_seconds = $8, group_interval_seconds = $9, repeat_interval_seconds = $10, send_resolved = $11,"
                + " enabled = $12, updated_at = now() WHERE id = $1 AND project_id = $2 RETURNING " + COLUMNS)
        .execute(
            tuple(id, projectId, s.name(), s.type(), Rows.jsonb(s.settingsJson()), s.matchers(), Rows.array(s.groupBy()),
                s.groupWaitSeconds(), s.groupIntervalSeconds(), s.repeatIntervalSeconds(), s.sendResolved(), s.enabled()))
        .onFailure().transform(e -> Rows.nameTaken(e, "channel", s.name()))
        .map(rows -> Rows.first(rows, NotificationChannels::channel));
  }

  /** Whether the project had the channel (and now does not); its delivery log goes with it. */
  public Uni<Boolean> delete(long projectId, long id) {
    return pool.preparedQuery("DELETE FROM notification_channels WHERE id = $1 AND project_id = $2")
        .execute(Tuple.of(id, projectId))
        .map(rows -> rows.rowCount() > 0);
  }

  static NotificationChannel channel(Row r) {
    return new NotificationChannel(
        r.getLong("id"),
        r.getLong("project_id"),
        r.getString("name"),
        r.getString("type"),
        Rows.json(r, "settings"),
        r.getString("matchers"),
        Rows.stringList(r, "group_by"),
        r.getInteger("group_wait_seconds"),
        r.getInteger("group_interval_seconds"),
        r.getInteger("repeat_interval_seconds"),
        r.getBoolean("send_resolved"),
        r.getBoolean("enabled"),
        Rows.instant(r, "created_at"),
        Rows.instant(r, "updated_at"));
  }
}
