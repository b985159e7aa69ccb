package dev.vigil.query.alerting.rest;

import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What alert-service writes and the API only reads (alerts, their history, delivery payloads), written
 * and read here with plain SQL; and the rule file fixtures.
 */
final class AlertingSeed {

  private final Pool pool;

  AlertingSeed(Pool pool) {
    this.pool = pool;
  }

  static String resource(String name) {
    try (InputStream in = AlertingSeed.class.getResourceAsStream("/alerting/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An alert as the evaluator stores it (a random fingerprint: the table's key has no project). */
  void alert(long projectId, String ruleKey, String name, String state, double value, Instant activeAt, Map<String, String> labels) {
    long fingerprint = ThreadLocalRandom.current().nextLong();
    run(
        "INSERT INTO alert_instances (rule_key, fingerprint, project_id, rule_name, labels, annotations, state, value, active_at,"
            + " fired_at, resolved_at, last_evaluated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $9)",
        ruleKey, fingerprint, projectId, name, json(labels), json(Map.of("summary", name + " is " + state)), state, value, utc(activeAt),
        state.equals("pending") ? null : utc(activeAt), state.equals("resolved") ? utc(activeAt.plusSeconds(60)) : null);
  }

  /** A state change as the evaluator records it. */
  long history(long projectId, String name, String from, String to, Instant at) {
    return await(
        pool.preparedQuery(
                "INSERT INTO alert_history (project_id, rule_key, rule_name, fingerprint, labels, from_state, to_state, value, at)"
                    + " VALUES ($1, 'group:0/' || $2, $2, 7, $3, $4, $5, 1, $6) RETURNING id")
            .execute(Tuple.from(Arrays.asList(projectId, name, json(Map.of("alertname", name)), from, to, utc(at))))
            .map(rows -> rows.iterator().next().getLong(0)));
  }

  /** The payload queued for a delivery. */
  String payload(long deliveryId) {
    return await(
        pool.preparedQuery("SELECT payload FROM notification_deliveries WHERE id = $1")
            .execute(Tuple.of(deliveryId))
            .map(rows -> rows.iterator().next().getJsonObject(0).encode()));
  }

  /** The settings a channel has stored (with the secrets the API never shows). */
  String storedSettings(long channelId) {
    return await(
        pool.preparedQuery("SELECT settings FROM notification_channels WHERE id = $1")
            .execute(Tuple.of(channelId))
            .map(rows -> rows.iterator().next().getJsonObject(0).encode()));
  }

  private void run(String sql, Object... params) {
    await(pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(params))));
  }

  private static JsonObject json(Map<String, String> map) {
    return new JsonObject(new HashMap<String, Object>(map));
  }

  private static Object utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> uni);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
