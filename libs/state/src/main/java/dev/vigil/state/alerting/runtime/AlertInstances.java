package dev.vigil.state.alerting.runtime;

import dev.vigil.state.alerting.AlertInstance;
import dev.vigil.state.alerting.AlertReads;
import dev.vigil.state.alerting.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The alerts every rule currently has, as the evaluator left them. The evaluator keeps them in memory
 * while it leads and writes each rule's outcome back in one transaction, fenced by its lease: a replica
 * that lost leadership mid-evaluation writes nothing.
 */
@ApplicationScoped
public class AlertInstances {

  private static final String COLUMNS =
      "rule_key, fingerprint, project_id, rule_name, labels, annotations, state, value, active_at, fired_at, resolved_at,"
          + " keep_firing_since, last_evaluated_at";

  private static final String UPSERT =
      "INSERT INTO alert_instances (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
          + " ON CONFLICT (rule_key, fingerprint) DO UPDATE SET rule_name = EXCLUDED.rule_name, labels = EXCLUDED.labels,"
          + " annotations = EXCLUDED.annotations, state = EXCLUDED.state, value = EXCLUDED.value, active_at = EXCLUDED.active_at,"
          + " fired_at = EXCLUDED.fired_at, resolved_at = EXCLUDED.resolved_at, keep_firing_since = EXCLUDED.keep_firing_since,"
          + " last_evaluated_at = EXCLUDED.last_evaluated_at";

  private static final String HISTORY =
      "INSERT INTO alert_history (project_id, rule_key, rule_name, fingerprint, labels, from_state, to_state, value, at)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

  private final Pool pool;

  AlertInstances(Pool pool) {
    this.pool = pool;
  }

  /** Every stored alert of every rule. */
  public Uni<List<AlertInstance>> all() {
    return pool.query("SELECT " + COLUMNS + " FROM alert_instances").execute().map(rows -> {
      List<AlertInstance> out = new ArrayList<>();
      rows.forEach(r -> out.add(AlertReads.instance(r)));
      return out;
    });
  }

  /**
   * Replaces the rule's alerts with {@code alerts} and appends {@code changes} to its history, if
   * {@code owner} still holds lease {@code lease}; false (and nothing written) otherwise.
   */
  public Uni<Boolean> save(
      String lease, String owner, String ruleKey, long projectId, String ruleName, List<AlertInstance> alerts, List<StateChange> changes) {
    return pool.withTransaction(
        tx ->
            Leases.fence(tx, lease, owner)
                .chain(
                    held -> {
                      if (!held) {
                        return Uni.createFrom().item(false);
                      }
                      return write(tx, ruleKey, projectId, ruleName, alerts, changes).replaceWith(true);
                    }));
  }

  /**
   * Forgets the alerts of rules that no longer exist: those whose key starts with {@code prefix}
   * ({@code group:} or {@code error:}) and is not among {@code ruleKeys}.
   */
  public Uni<Integer> deleteRulesOtherThan(String prefix, List<String> ruleKeys) {
    return pool.preparedQuery("DELETE FROM alert_instances WHERE starts_with(rule_key, $1) AND NOT (rule_key = ANY($2))")
        .execute(Tuple.of(prefix, ruleKeys.toArray(String[]::new)))
        .map(rows -> rows.rowCount());
  }

  private static Uni<Void> write(
      SqlClient tx, String ruleKey, long projectId, String ruleName, List<AlertInstance> alerts, List<StateChange> changes) {
    Long[] kept = alerts.stream().map(AlertInstance::fingerprint).toArray(Long[]::new);
    Uni<?> chain = tx.preparedQuery("DELETE FROM alert_instances WHERE rule_key = $1 AND NOT (fingerprint = ANY($2))")
        .execute(Tuple.of(ruleKey, kept));
    if (!alerts.isEmpty()) {
      List<Tuple> rows = alerts.stream().map(AlertInstances::tuple).toList();
      chain = chain.chain(() -> tx.preparedQuery(UPSERT).executeBatch(rows));
    }
    if (!changes.isEmpty()) {
      List<Tuple> rows = new ArrayList<>();
      for (StateChange c : changes) {
        rows.add(
            Tuple.from(
                Arrays.asList(projectId, ruleKey, ruleName, c.fingerprint(), Rows.object(c.labels()), c.from(), c.to(), c.value(),
                    Rows.time(c.at()))));
      }
      chain = chain.chain(() -> tx.preparedQuery(HISTORY).executeBatch(rows));
    }
    return chain.replaceWithVoid();
  }

  private static Tuple tuple(AlertInstance a) {
    return Tuple.from(
        Arrays.asList(
            a.ruleKey(), a.fingerprint(), a.projectId(), a.ruleName(), Rows.object(a.labels()), Rows.object(a.annotations()), a.state(),
            a.value(), Rows.time(a.activeAt()), Rows.time(a.firedAt()), Rows.time(a.resolvedAt()), Rows.time(a.keepFiringSince()),
            Rows.time(a.lastEvaluatedAt())));
  }

}
