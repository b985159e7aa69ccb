package dev.vigil.state.alerting.runtime;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Leader election through one PostgreSQL row per job: a replica holds the lease while it renews it before
 * it expires; another takes over only after expiry. Times come from the database's clock, so replicas'
 * clocks need not agree.
 */
@ApplicationScoped
public class Leases {

  private static final String ACQUIRE =
      "INSERT INTO alerting_leases (name, owner, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))"
          + " ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at"
          + " WHERE alerting_leases.owner = EXCLUDED.owner OR alerting_leases.expires_at < now()"
          + " RETURNING owner";

  private final Pool pool;

  public Leases(Pool pool) {
    this.pool = pool;
  }

  /** Takes or renews the lease for {@code ttl}; whether {@code owner} holds it now. */
  public Uni<Boolean> tryAcquire(String name, String owner, Duration ttl) {
    return pool.preparedQuery(ACQUIRE)
        .execute(Tuple.of(name, owner, ttl.toMillis() / 1000.0))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Gives the lease up (on shutdown), so another replica takes over at once. */
  public Uni<Void> release(String name, String owner) {
    return pool.preparedQuery("DELETE FROM alerting_leases WHERE name = $1 AND owner = $2")
        .execute(Tuple.of(name, owner))
        .replaceWithVoid();
  }

  /**
   * Inside a transaction: whether {@code owner} still holds the lease, locking its row (FOR SHARE) so that
   * no other replica can take it over before the transaction ends. Writes fenced by this cannot come
   * from a replica that lost leadership while it was evaluating.
   */
  static Uni<Boolean> fence(SqlClient tx, String name, String owner) {
    return tx.preparedQuery("SELECT 1 FROM alerting_leases WHERE name = $1 AND owner = $2 AND expires_at > now() FOR SHARE")
        .execute(Tuple.of(name, owner))
        .map(rows -> rows.rowCount() > 0);
  }
}
