package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.Rows.tuple;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The projects' silences. Expired ones are kept, so the UI can show what was silenced and by whom. */
@ApplicationScoped
public class AlertSilences {

  private static final String COLUMNS = "id, project_id, matchers, starts_at, ends_at, comment, created_by, created_at";

  private final Pool pool;

  AlertSilences(Pool pool) {
    this.pool = pool;
  }

  public Uni<AlertSilence> create(long projectId, String matchers, Instant startsAt, Instant endsAt, String comment, String createdBy) {
    return pool.preparedQuery(
            "INSERT INTO alert_silences (project_id, matchers, starts_at, ends_at, comment, created_by)"
                + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
        .execute(tuple(projectId, matchers, Rows.time(startsAt), Rows.time(endsAt), comment, createdBy))
        .map(rows -> silence(rows.iterator().next()));
  }

  /**
   * The project's latest {@code limit} silences by end time: those still active or pending come first,
   * as they end later than every expired one.
   */
  public Uni<List<AlertSilence>> list(long projectId, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_silences WHERE project_id = $1 ORDER BY ends_at DESC, id DESC LIMIT $2")
        .execute(Tuple.of(projectId, limit))
        .map(rows -> Rows.list(rows, AlertSilences::silence));
  }

  /** The project's silences in effect at {@code at}. */
  public Uni<List<AlertSilence>> activeAt(long projectId, Instant at) {
    return pool.preparedQuery(
            "SELECT " + COLUMNS + " FROM alert_silences WHERE project_id = $1 AND starts_at <= $2 AND ends_at > $2 ORDER BY id")
        .execute(Tuple.of(projectId, Rows.time(at)))
        .map(rows -> Rows.list(rows, AlertSilences::silence));
  }

  /** Every project's silences in effect at {@code at}, for the dispatcher. */
  public Uni<List<AlertSilence>> allActiveAt(Instant at) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_silences WHERE starts_at <= $1 AND ends_at > $1 ORDER BY project_id, id")
        .execute(Tuple.of(Rows.time(at)))
        .map(rows -> Rows.list(rows, AlertSilences::silence));
  }

  /** The silence, or null when the project has none with this id. */
  public Uni<AlertSilence> find(long projectId, long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_silences WHERE id = $1 AND project_id = $2")
        .execute(Tuple.of(id, projectId))
        .map(rows -> Rows.first(rows, AlertSilences::silence));
  }

  /**
   * Ends the silence now (an expired one stays as it was); null when the project has no such silence. A
   * pending silence also gets its start moved just before now: the table requires ends_at > starts_at.
   */
  public Uni<AlertSilence> expire(long projectId, long id) {
    return pool.preparedQuery(
            "UPDATE alert_silences SET starts_at = LEAST(starts_at, now() - interval '1 millisecond'), ends_at = now()"
                + " WHERE id = $1 AND project_id = $2 AND ends_at > now()")
        .execute(Tuple.of(id, projectId))
        .chain(() -> find(projectId, id));
  }

  static AlertSilence silence(Row r) {
    return new AlertSilence(
        r.getLong("id"),
        r.getLong("project_id"),
        r.getString("matchers"),
        Rows.instant(r, "starts_at"),
        Rows.instant(r, "ends_at"),
        r.getString("comment"),
        r.getString("created_by"),
        Rows.instant(r, "created_at"));
  }
}
