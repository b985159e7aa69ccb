package dev.vigil.state.alerting.runtime;

import dev.vigil.state.alerting.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What error rules read from the issues table: issues created or regressed recently (by the database's
 * clock, which is when the event-processor decided it), and titles for issues named by ClickHouse counts.
 */
@ApplicationScoped
public class IssueSignals {

  private final Pool pool;

  IssueSignals(Pool pool) {
    this.pool = pool;
  }

  /** Issues of the project created at or after {@code since}, oldest first. */
  public Uni<List<IssueSignal>> createdSince(long projectId, Instant since, int limit) {
    return pool.preparedQuery(
            "SELECT id, title, culprit, level, created_at AS at FROM issues WHERE project_id = $1 AND created_at >= $2 ORDER BY created_at, id LIMIT $3")
        .execute(Tuple.of(projectId, Rows.time(since), limit))
        .map(IssueSignals::read);
  }

  /** Issues of the project that regressed at or after {@code since} (and are unresolved again), oldest first. */
  public Uni<List<IssueSignal>> regressedSince(long projectId, Instant since, int limit) {
    return pool.preparedQuery(
            "SELECT id, title, culprit, level, regressed_at AS at FROM issues WHERE project_id = $1 AND regressed_at >= $2"
                + " AND status = 'unresolved' ORDER BY regressed_at, id LIMIT $3")
        .execute(Tuple.of(projectId, Rows.time(since), limit))
        .map(IssueSignals::read);
  }

  /** The issues with these ids (of this project). */
  public Uni<List<IssueSignal>> issues(long projectId, Collection<Long> ids) {
    return pool.preparedQuery("SELECT id, title, culprit, level, last_seen AS at FROM issues WHERE project_id = $1 AND id = ANY($2)")
        .execute(Tuple.of(projectId, ids.toArray(Long[]::new)))
        .map(IssueSignals::read);
  }

  private static List<IssueSignal> read(RowSet<Row> rows) {
    List<IssueSignal> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new IssueSignal(r.getLong("id"), r.getString("title"), r.getString("culprit"), r.getString("level"), Rows.instant(r, "at")));
    }
    return out;
  }
}
