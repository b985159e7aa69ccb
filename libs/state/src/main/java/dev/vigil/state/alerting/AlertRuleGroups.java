package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.Rows.tuple;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The projects' Prometheus rule groups. Every call but {@link #all()} names the project, so a group id of
 * another project is simply not found. A group keeps its id while it is re-imported under the same
 * namespace and name, so the state of its alerts (keyed by group id) survives an edit of the rule file.
 */
@ApplicationScoped
public class AlertRuleGroups {

  private static final String COLUMNS =
      "id, project_id, namespace, name, interval_seconds, alert_limit, rules, version, created_at, updated_at,"
          + " last_evaluation_at, last_evaluation_ms, last_error";

  // On re-import an unchanged group keeps its version, so an editor's basedOnVersion stays valid.
  private static final String UPSERT =
      "INSERT INTO alert_rule_groups AS g (project_id, namespace, name, interval_seconds, alert_limit, rules)"
          + " VALUES ($1, $2, $3, $4, $5, $6)"
          + " ON CONFLICT (project_id, namespace, name) DO UPDATE SET"
          + " interval_seconds = EXCLUDED.interval_seconds, alert_limit = EXCLUDED.alert_limit, rules = EXCLUDED.rules,"
          + " version = CASE WHEN " + changed() + " THEN g.version + 1 ELSE g.version END,"
          + " updated_at = CASE WHEN " + changed() + " THEN now() ELSE g.updated_at END"
          + " RETURNING " + COLUMNS;

  private final Pool pool;

  AlertRuleGroups(Pool pool) {
    this.pool = pool;
  }

  /** The project's groups by namespace, then in the order they were first created. */
  public Uni<List<AlertRuleGroup>> list(long projectId) {
    return select("WHERE project_id = $1", Tuple.of(projectId));
  }

  /** One namespace's groups (a rule file), in file order as first imported. */
  public Uni<List<AlertRuleGroup>> namespace(long projectId, String namespace) {
    return select("WHERE project_id = $1 AND namespace = $2", Tuple.of(projectId, namespace));
  }

  /** Every project's groups, for the evaluator. */
  public Uni<List<AlertRuleGroup>> all() {
    return select("", Tuple.tuple());
  }

  /** The group, or null when the project has none with this id. */
  public Uni<AlertRuleGroup> find(long projectId, long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_rule_groups WHERE id = $1 AND project_id = $2")
        .execute(Tuple.of(id, projectId))
        .map(rows -> Rows.first(rows, AlertRuleGroups::group));
  }

  /**
   * Makes the namespace hold exactly these groups, in one transaction: groups of the same name are
   * updated in place (same id), new ones created, the others deleted. The groups as stored now.
   */
  public Uni<List<AlertRuleGroup>> replaceNamespace(long projectId, String namespace, List<RuleGroupSpec> groups) {
    String[] names = groups.stream().map(RuleGroupSpec::name).toArray(String[]::new);
    return pool.withTransaction(
            c ->
                c.preparedQuery("DELETE FROM alert_rule_groups WHERE project_id = $1 AND namespace = $2 AND NOT (name = ANY($3))")
                    .execute(Tuple.of(projectId, namespace, names))
                    .chain(() -> upsertAll(c, projectId, namespace, groups, 0)))
        .chain(() -> namespace(projectId, namespace));
  }

  private static Uni<Void> upsertAll(SqlClient c, long projectId, String namespace, List<RuleGroupSpec> groups, int from) {
    if (from == groups.size()) {
      return Uni.createFrom().voidItem();
    }
    RuleGroupSpec g = groups.get(from);
    return c.preparedQuery(UPSERT)
        .execute(tuple(projectId, namespace, g.name(), g.intervalSeconds(), g.limit(), Rows.jsonb(g.rulesJson())))
        .chain(() -> upsertAll(c, projectId, namespace, groups, from + 1));
  }

  /** Deletes the namespace's groups; how many there were. */
  public Uni<Integer> deleteNamespace(long projectId, String namespace) {
    return pool.preparedQuery("DELETE FROM alert_rule_groups WHERE project_id = $1 AND namespace = $2")
        .execute(Tuple.of(projectId, namespace))
        .map(rows -> rows.rowCount());
  }

  /** A new group; {@link NameTakenException} when the namespace has one of this name. */
  public Uni<AlertRuleGroup> create(long projectId, RuleGroupSpec g) {
    return pool.preparedQuery(
            "INSERT INTO alert_rule_groups (project_id, namespace, name, interval_seconds, alert_limit, rules)"
                + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
        .execute(tuple(projectId, g.namespace(), g.name(), g.intervalSeconds(), g.limit(), Rows.jsonb(g.rulesJson())))
        .onFailure().transform(e -> Rows.nameTaken(e, "rule group in namespace " + g.namespace(), g.name()))
        .map(rows -> group(rows.iterator().next()));
  }

  /**
   * Replaces the group's namespace, name, interval, limit and rules. With {@code basedOnVersion}, fails with
   * {@link RuleGroupConflictException} when the stored version differs. Null when the project has no such group.
   */
  public Uni<AlertRuleGroup> update(long projectId, long id, RuleGroupSpec g, Integer basedOnVersion) {
    return pool.preparedQuery(
            "UPDATE alert_rule_groups SET namespace = $3, name = $4, interval_seconds = $5, alert_limit = $6, rules = $7,"
                + " version = version + 1, updated_at = now()"
                + " WHERE id = $1 AND project_id = $2 AND ($8::int IS NULL OR version = $8) RETURNING " + COLUMNS)
        .execute(tuple(id, projectId, g.namespace(), g.name(), g.intervalSeconds(), g.limit(), Rows.jsonb(g.rulesJson()), basedOnVersion))
        .onFailure().transform(e -> Rows.nameTaken(e, "rule group in namespace " + g.namespace(), g.name()))
        .chain(
            rows -> {
              if (rows.size() > 0) {
                return Uni.createFrom().item(group(rows.iterator().next()));
              }
              // Not updated: either there is no such group, or it has another version.
              return find(projectId, id)
                  .map(
                      current -> {
                        if (current != null) {
                          throw new RuleGroupConflictException(id, current.version());
                        }
                        return null;
                      });
            });
  }

  /** Whether the project had the group (and now does not). */
  public Uni<Boolean> delete(long projectId, long id) {
    return pool.preparedQuery("DELETE FROM alert_rule_groups WHERE id = $1 AND project_id = $2")
        .execute(Tuple.of(id, projectId))
        .map(rows -> rows.rowCount() > 0);
  }

  /** What the evaluator reports after running the group: when, how long it took, and the error or null. */
  public Uni<Void> recordEvaluation(long id, Instant at, int durationMs, String error) {
    return pool.preparedQuery(
            "UPDATE alert_rule_groups SET last_evaluation_at = $2, last_evaluation_ms = $3, last_error = $4 WHERE id = $1")
        .execute(tuple(id, Rows.time(at), durationMs, error))
        .replaceWithVoid();
  }

  private Uni<List<AlertRuleGroup>> select(String where, Tuple params) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_rule_groups " + where + " ORDER BY project_id, namespace, id")
        .execute(params)
        .map(rows -> Rows.list(rows, AlertRuleGroups::group));
  }

  private static String changed() {
    return "(g.interval_seconds, g.alert_limit, g.rules) IS DISTINCT FROM (EXCLUDED.interval_seconds, EXCLUDED.alert_limit, EXCLUDED.rules)";
  }

  static AlertRuleGroup group(Row r) {
    return new AlertRuleGroup(
        r.getLong("id"),
        r.getLong("project_id"),
        r.getString("namespace"),
        r.getString("name"),
        r.getInteger("interval_seconds"),
        r.getInteger("alert_limit"),
        Rows.json(r, "rules"),
        r.getInteger("version"),
        Rows.instant(r, "created_at"),
        Rows.instant(r, "updated_at"),
        Rows.instant(r, "last_evaluation_at"),
        r.getInteger("last_evaluation_ms"),
        r.getString("last_error"));
  }
}
