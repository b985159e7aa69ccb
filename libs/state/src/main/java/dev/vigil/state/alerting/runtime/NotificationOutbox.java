package dev.vigil.state.alerting.runtime;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The notification outbox, which is also the delivery log. A notification is decided in the transaction
 * that records it (so a restart neither loses nor repeats it); any alert-service replica then claims due
 * rows. A claim pushes the row's next attempt a visibility timeout ahead instead of holding a
 * transaction open while the webhook answers: a replica that dies mid-send leaves the row due again later
 * (at-least-once), and two replicas never claim the same row at once (FOR UPDATE SKIP LOCKED).
 */
@ApplicationScoped
public class NotificationOutbox {

  static final String INSERT =
      "INSERT INTO notification_deliveries (channel_id, project_id, group_key, kind, status, firing_count, resolved_count, payload)"
          + " VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7) RETURNING id";

  private static final String CLAIM =
      "UPDATE notification_deliveries d SET next_attempt_at = now() + make_interval(secs => $2), attempts = d.attempts + 1"
          + " WHERE d.id IN (SELECT id FROM notification_deliveries WHERE status = 'pending' AND next_attempt_at <= now()"
          + "                ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)"
          + " RETURNING d.id, d.channel_id, d.project_id, d.group_key, d.kind, d.payload, d.attempts, d.created_at";

  private final Pool pool;

  NotificationOutbox(Pool pool) {
    this.pool = pool;
  }

  /** Queues a notification for the channel; its id. */
  public Uni<Long> enqueue(long channelId, long projectId, String groupKey, String kind, int firing, int resolved, String payloadJson) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.from(Arrays.asList(channelId, projectId, groupKey, kind, firing, resolved, new JsonObject(payloadJson))))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * Claims up to {@code limit} due deliveries; each stays invisible to other claims for
   * {@code visibility} unless marked sent, failed or rescheduled first.
   */
  public Uni<List<Delivery>> claimDue(int limit, Duration visibility) {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(limit, (double) visibility.toMillis() / 1000.0))
        .map(
            rows -> {
              List<Delivery> claimed = new ArrayList<>();
              for (Row r : rows) {
                claimed.add(
                    new Delivery(
                        r.getLong("id"),
                        r.getLong("channel_id"),
                        r.getLong("project_id"),
                        r.getString("group_key"),
                        r.getString("kind"),
                        r.getJsonObject("payload").encode(),
                        r.getInteger("attempts"),
                        r.getOffsetDateTime("created_at").toInstant()));
              }
              return claimed;
            });
  }

  /** The channel accepted it. */
  public Uni<Void> markSent(long id, Integer statusCode) {
    return pool.preparedQuery(
            "UPDATE notification_deliveries SET status = 'sent', sent_at = now(), last_status_code = $2, last_error = NULL WHERE id = $1")
        .execute(Tuple.of(id, statusCode))
        .replaceWithVoid();
  }

  /** Try again at {@code at} (a 429's retry-after, or backoff after an error), remembering why. */
  public Uni<Void> reschedule(long id, Instant at, Integer statusCode, String error) {
    return pool.preparedQuery(
            "UPDATE notification_deliveries SET next_attempt_at = $2, last_status_code = $3, last_error = $4 WHERE id = $1 AND status = 'pending'")
        .execute(Tuple.of(id, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), statusCode, error))
        .replaceWithVoid();
  }

  /**
   * Puts a claimed delivery back unsent until {@code at} without counting the claim as an attempt: its
   * channel is rate limited, so it was not tried.
   */
  public Uni<Void> defer(long id, Instant at) {
    return pool.preparedQuery(
            "UPDATE notification_deliveries SET next_attempt_at = $2, attempts = greatest(attempts - 1, 0) WHERE id = $1 AND status = 'pending'")
        .execute(Tuple.of(id, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** Given up: the log keeps the last answer. */
  public Uni<Void> markFailed(long id, Integer statusCode, String error) {
    return pool.preparedQuery(
            "UPDATE notification_deliveries SET status = 'failed', last_status_code = $2, last_error = $3 WHERE id = $1")
        .execute(Tuple.of(id, statusCode, error))
        .replaceWithVoid();
  }
}
