package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Brute-force protection for password login, shared by every query-service replica (PostgreSQL): after
 * 5 failures for an email or 20 from one address within 15 minutes, further attempts wait 15 minutes.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int MAX_FAILURES_PER_EMAIL = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);

  private static final String WINDOW_SQL = "interval '" + WINDOW.toSeconds() + " seconds'";
  private static final String LOCK_SQL = "interval '" + LOCK.toSeconds() + " seconds'";
  // A lock can only come from failures that ended at most LOCK ago and started at most WINDOW before that.
  private static final String LOOKBACK_SQL = "interval '" + WINDOW.plus(LOCK).toSeconds() + " seconds'";

  /**
   * Seconds until the latest lock ends. A lock starts at a failure that completes a run of N failures
   * within the window (lag(.., N-1) is the first failure of the run) and lasts LOCK from that failure.
   * Time is the database's (now()), the same clock that stamped the failures.
   */
  private static final String LOCKED_SECONDS =
      "SELECT CAST(ceil(extract(epoch FROM max(last_failure) + " + LOCK_SQL + " - now())) AS bigint) FROM ("
          + "  SELECT failed_at AS last_failure,"
          + "         lag(failed_at, " + (MAX_FAILURES_PER_EMAIL - 1) + ") OVER (ORDER BY failed_at) AS first_failure"
          + "    FROM login_failures WHERE email = :email AND failed_at > now() - " + LOOKBACK_SQL
          + "  UNION ALL"
          + "  SELECT failed_at,"
          + "         lag(failed_at, " + (MAX_FAILURES_PER_ADDRESS - 1) + ") OVER (ORDER BY failed_at)"
          + "    FROM login_failures WHERE client_ip = CAST(:ip AS text) AND failed_at > now() - " + LOOKBACK_SQL
          + ") AS runs WHERE last_failure - first_failure <= " + WINDOW_SQL;

  /** How long logins for this email from this address are refused; zero when they are allowed. */
  public Uni<Duration> lockedFor(String email, String clientIp) {
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(LOCKED_SECONDS, Long.class)
                                .setParameter("email", Emails.normaliseForLookup(email))
                                .setParameter("ip", clientIp)
                                .getSingleResultOrNull()))
        .map(seconds -> seconds == null || seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(seconds));
  }

  /** Records a failed login; also forgets failures too old to matter. */
  public Uni<Void> failed(String email, String clientIp) {
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(
                                    "INSERT INTO login_failures (email, client_ip) VALUES (:email, CAST(:ip AS text))")
                                .setParameter("email", Emails.normaliseForLookup(email))
                                .setParameter("ip", clientIp)
                                .executeUpdate()
                                .chain(
                                    () ->
                                        s.createNativeQuery(
                                                "DELETE FROM login_failures WHERE failed_at < now() - " + LOOKBACK_SQL
                                                    + " - interval '1 hour'")
                                            .executeUpdate())))
        .replaceWithVoid();
  }

  /**
   * Forgets the email's failures. They still count against their addresses: logging in to an account of
   * one's own must not reset the count of an address that is guessing other accounts' passwords.
   */
  public Uni<Void> succeeded(String email, String clientIp) {
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery("UPDATE login_failures SET email = NULL WHERE email = :email")
                                .setParameter("email", Emails.normaliseForLookup(email))
                                .executeUpdate()))
        .replaceWithVoid();
  }
}
