package dev.vigil.state.alerting;

import dev.vigil.state.projects.Projects;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the alerting store tests share: a new project per test (the test database is shared with other
 * runs), calls awaited as a caller would, and rows the evaluator would write, inserted with plain SQL.
 */
@ApplicationScoped
class AlertingFixture {

  @Inject Pool pool;
  @Inject Projects projects;

  static <T> T await(Supplier<Uni<T>> call) {
    try {
      return VertxContextSupport.subscribeAndAwait(call);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  long project() {
    String slug = "alerting-" + UUID.randomUUID().toString().substring(0, 12);
    return await(() -> projects.create("state-tests", slug, slug, "python")).id;
  }

  /** An alert as the evaluator stores it. */
  void instance(long projectId, String ruleKey, long fingerprint, String name, String state, Instant activeAt, Map<String, String> labels) {
    sql(
        "INSERT INTO alert_instances (rule_key, fingerprint, project_id, rule_name, labels, annotations, state, value, active_at,"
            + " fired_at, resolved_at, last_evaluated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 3.5, $8, $9, $10, $8)",
        ruleKey, fingerprint, projectId, name, json(labels), json(Map.of("summary", name + " on " + labels)), state, utc(activeAt),
        state.equals("pending") ? null : utc(activeAt), state.equals("resolved") ? utc(activeAt.plusSeconds(60)) : null);
  }

  /** A state change as the evaluator records it. */
  long history(long projectId, String name, String from, String to, Instant at) {
    return await(
        () ->
            pool.preparedQuery(
                    "INSERT INTO alert_history (project_id, rule_key, rule_name, fingerprint, labels, from_state, to_state, value, at)"
                        + " VALUES ($1, 'group:1/' || $2, $2, 42, $3, $4, $5, 1, $6) RETURNING id")
                .execute(Tuple.from(Arrays.asList(projectId, name, json(Map.of("alertname", name)), from, to, utc(at))))
                .map(rows -> rows.iterator().next().getLong(0)));
  }

  void sql(String sql, Object... params) {
    await(() -> pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(params))));
  }

  private static JsonObject json(Map<String, String> map) {
    return new JsonObject(new HashMap<String, Object>(map));
  }

  private static Object utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
