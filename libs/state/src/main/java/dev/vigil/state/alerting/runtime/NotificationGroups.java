package dev.vigil.state.alerting.runtime;

import dev.vigil.state.alerting.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The dispatcher's per-group memory (notification_groups), written together with the notifications it decides. */
@ApplicationScoped
public class NotificationGroups {

  private static final String UPSERT =
      "INSERT INTO notification_groups (channel_id, group_key, group_labels, first_seen_at, last_flush_at, last_firing, last_resolved)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (channel_id, group_key) DO UPDATE SET"
          + " group_labels = EXCLUDED.group_labels, first_seen_at = EXCLUDED.first_seen_at, last_flush_at = EXCLUDED.last_flush_at,"
          + " last_firing = EXCLUDED.last_firing, last_resolved = EXCLUDED.last_resolved";

  private final Pool pool;

  NotificationGroups(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<NotificationGroupState>> all() {
    return pool.query("SELECT * FROM notification_groups")
        .execute()
        .map(
            rows -> {
              List<NotificationGroupState> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new NotificationGroupState(
                        r.getLong("channel_id"), r.getString("group_key"), Rows.strings(r, "group_labels"),
                        Rows.instant(r, "first_seen_at"), Rows.instant(r, "last_flush_at"), longs(r.getJsonArray("last_firing")),
                        longs(r.getJsonArray("last_resolved"))));
              }
              return out;
            });
  }

  /**
   * Stores the groups' new states, forgets {@code forgotten} ones and queues {@code deliveries}, all in one
   * transaction fenced by the lease; false (nothing written) when {@code owner} no longer holds it.
   */
  public Uni<Boolean> save(
      String lease, String owner, List<NotificationGroupState> states, List<NotificationGroupState> forgotten, List<NewDelivery> deliveries) {
    return pool.withTransaction(
        tx ->
            Leases.fence(tx, lease, owner)
                .chain(
                    held -> {
                      if (!held) {
                        return Uni.createFrom().item(false);
                      }
                      Uni<?> chain = Uni.createFrom().voidItem();
                      if (!states.isEmpty()) {
                        List<Tuple> rows = states.stream().map(NotificationGroups::tuple).toList();
                        chain = chain.chain(() -> tx.preparedQuery(UPSERT).executeBatch(rows));
                      }
                      if (!forgotten.isEmpty()) {
                        List<Tuple> keys = forgotten.stream().map(g -> Tuple.of(g.channelId(), g.groupKey())).toList();
                        chain = chain.chain(
                            () -> tx.preparedQuery("DELETE FROM notification_groups WHERE channel_id = $1 AND group_key = $2").executeBatch(keys));
                      }
                      if (!deliveries.isEmpty()) {
                        List<Tuple> rows = new ArrayList<>();
                        for (NewDelivery d : deliveries) {
                          rows.add(
                              Tuple.from(
                                  Arrays.asList(d.channelId(), d.projectId(), d.groupKey(), "alert", d.firing(), d.resolved(),
                                      new JsonObject(d.payloadJson()))));
                        }
                        chain = chain.chain(() -> tx.preparedQuery(NotificationOutbox.INSERT).executeBatch(rows));
                      }
                      return chain.replaceWith(true);
                    }));
  }

  private static Tuple tuple(NotificationGroupState g) {
    return Tuple.from(
        Arrays.asList(
            g.channelId(), g.groupKey(), Rows.object(g.groupLabels()), Rows.time(g.firstSeenAt()), Rows.time(g.lastFlushAt()),
            array(g.lastFiring()), array(g.lastResolved())));
  }

  private static JsonArray array(Set<Long> fingerprints) {
    return new JsonArray(fingerprints.stream().sorted().map(v -> (Object) v).toList());
  }

  private static Set<Long> longs(JsonArray a) {
    Set<Long> out = new HashSet<>();
    if (a != null) {
      for (Object v : a) {
        out.add(((Number) v).longValue());
      }
    }
    return out;
  }
}
