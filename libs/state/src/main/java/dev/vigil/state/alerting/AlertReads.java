package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.Rows.tuple;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the API shows of the evaluator's work: a project's alerts now, and their history. */
@ApplicationScoped
public class AlertReads {

  private final Pool pool;

  AlertReads(Pool pool) {
    this.pool = pool;
  }

  /** The project's alerts in one of {@code states}: firing first, then pending, then resolved; newest first within each. */
  public Uni<List<AlertInstance>> instances(long projectId, List<String> states, int limit) {
    return pool.preparedQuery(
            "SELECT rule_key, fingerprint, project_id, rule_name, labels, annotations, state, value, active_at, fired_at,"
                + " resolved_at, keep_firing_since, last_evaluated_at FROM alert_instances"
                + " WHERE project_id = $1 AND state = ANY($2)"
                + " ORDER BY CASE state WHEN 'firing' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,"
                + " COALESCE(resolved_at, active_at) DESC, rule_key, fingerprint LIMIT $3")
        .execute(tuple(projectId, states.toArray(String[]::new), limit))
        .map(rows -> Rows.list(rows, AlertReads::instance));
  }

  /**
   * The project's state changes newest first, {@code limit} of them, after (older than) the change with
   * id {@code beforeId} when given: keyset paging by (at, id), so a page never repeats or skips a change
   * recorded meanwhile.
   */
  public Uni<List<AlertHistoryEntry>> history(long projectId, int limit, Long beforeId) {
    return pool.preparedQuery(
            "SELECT id, project_id, rule_key, rule_name, fingerprint, labels, from_state, to_state, value, at FROM alert_history h"
                + " WHERE project_id = $1 AND ($2::bigint IS NULL"
                + "   OR (at, id) < (SELECT b.at, b.id FROM alert_history b WHERE b.id = $2 AND b.project_id = $1))"
                + " ORDER BY at DESC, id DESC LIMIT $3")
        .execute(tuple(projectId, beforeId, limit))
        .map(rows -> Rows.list(rows, AlertReads::entry));
  }

  /** An alert_instances row. */
  public static AlertInstance instance(Row r) {
    return new AlertInstance(
        r.getString("rule_key"),
        r.getLong("fingerprint"),
        r.getLong("project_id"),
        r.getString("rule_name"),
        Rows.strings(r, "labels"),
        Rows.strings(r, "annotations"),
        r.getString("state"),
        r.getDouble("value"),
        Rows.instant(r, "active_at"),
        Rows.instant(r, "fired_at"),
        Rows.instant(r, "resolved_at"),
        Rows.instant(r, "keep_firing_since"),
        Rows.instant(r, "last_evaluated_at"));
  }

  static AlertHistoryEntry entry(Row r) {
    return new AlertHistoryEntry(
        r.getLong("id"),
        r.getLong("project_id"),
        r.getString("rule_key"),
        r.getString("rule_name"),
        r.getLong("fingerprint"),
        Rows.strings(r, "labels"),
        r.getString("from_state"),
        r.getString("to_state"),
        r.getDouble("value"),
        Rows.instant(r, "at"));
  }
}
