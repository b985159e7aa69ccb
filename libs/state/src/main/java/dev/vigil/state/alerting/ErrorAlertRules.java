package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.Rows.tuple;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The projects' error rules. Every call but {@link #allEnabled()} names the project. */
@ApplicationScoped
public class ErrorAlertRules {

  private static final String COLUMNS =
      "id, project_id, name, trigger, threshold, window_seconds, environment, min_level, labels, enabled,"
          + " created_at, updated_at, last_evaluation_at, last_error";

  private final Pool pool;

  ErrorAlertRules(Pool pool) {
    this.pool = pool;
  }

  /** The project's error rules by name. */
  public Uni<List<ErrorAlertRule>> list(long projectId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM error_alert_rules WHERE project_id = $1 ORDER BY lower(name), id")
        .execute(Tuple.of(projectId))
        .map(rows -> Rows.list(rows, ErrorAlertRules::rule));
  }

  /** Every project's enabled error rules, for the evaluator. */
  public Uni<List<ErrorAlertRule>> allEnabled() {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM error_alert_rules WHERE enabled ORDER BY project_id, id")
        .execute()
        .map(rows -> Rows.list(rows, ErrorAlertRules::rule));
  }

  /** The rule, or null when the project has none with this id. */
  public Uni<ErrorAlertRule> find(long projectId, long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM error_alert_rules WHERE id = $1 AND project_id = $2")
        .execute(Tuple.of(id, projectId))
        .map(rows -> Rows.first(rows, ErrorAlertRules::rule));
  }

  /** A new rule; {@link NameTakenException} when the project has one of this name. */
  public Uni<ErrorAlertRule> create(long projectId, ErrorRuleSpec s) {
    return pool.preparedQuery(
            "INSERT INTO error_alert_rules (project_id, name, trigger, threshold, window_seconds, environment, min_level, labels, enabled)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING " + COLUMNS)
        .execute(
            tuple(projectId, s.name(), s.trigger(), s.threshold(), s.windowSeconds(), s.environment(), s.minLevel(),
                Rows.object(s.labels()), s.enabled()))
        .onFailure().transform(e -> Rows.nameTaken(e, "error rule", s.name()))
        .map(rows -> rule(rows.iterator().next()));
  }

  /** Replaces the rule's settings; null when the project has no such rule. */
  public Uni<ErrorAlertRule> update(long projectId, long id, ErrorRuleSpec s) {
    return pool.preparedQuery(
            "UPDATE error_alert_rules SET name = $3, trigger = $4, threshold = $5, window_seconds = $6, environment = $7,"
                + " min_level = $8, labels = $9, enabled = $10, updated_at = now()"
                + " WHERE id = $1 AND project_id = $2 RETURNING " + COLUMNS)
        .execute(
            tuple(id, projectId, s.name(), s.trigger(), s.threshold(), s.windowSeconds(), s.environment(), s.minLevel(),
                Rows.object(s.labels()), s.enabled()))
        .onFailure().transform(e -> Rows.nameTaken(e, "error rule", s.name()))
        .map(rows -> Rows.first(rows, ErrorAlertRules::rule));
  }

  /** Whether the project had the rule (and now does not). */
  public Uni<Boolean> delete(long projectId, long id) {
    return pool.preparedQuery("DELETE FROM error_alert_rules WHERE id = $1 AND project_id = $2")
        .execute(Tuple.of(id, projectId))
        .map(rows -> rows.rowCount() > 0);
  }

  /** What the evaluator reports after running the rule: when, and the error or null. */
  public Uni<Void> recordEvaluation(long id, Instant at, String error) {
    return pool.preparedQuery("UPDATE error_alert_rules SET last_evaluation_at = $2, last_error = $3 WHERE id = $1")
        .execute(tuple(id, Rows.time(at), error))
        .replaceWithVoid();
  }

  static ErrorAlertRule rule(Row r) {
    return new ErrorAlertRule(
        r.getLong("id"),
        r.getLong("project_id"),
        r.getString("name"),
        r.getString("trigger"),
        r.getInteger("threshold"),
        r.getInteger("window_seconds"),
        r.getString("environment"),
        r.getString("min_level"),
        Rows.strings(r, "labels"),
        r.getBoolean("enabled"),
        Rows.instant(r, "created_at"),
        Rows.instant(r, "updated_at"),
        Rows.instant(r, "last_evaluation_at"),
        r.getString("last_error"));
  }
}
