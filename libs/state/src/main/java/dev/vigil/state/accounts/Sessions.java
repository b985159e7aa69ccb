package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Login sessions behind the session cookie: the cookie holds a random secret, the table its SHA-256
 * hash, so a database leak does not leak sessions. Sessions end after idle time or an absolute lifetime.
 */
@ApplicationScoped
public class Sessions {

  static final Duration IDLE_TIMEOUT = Duration.ofDays(14);
  static final Duration LIFETIME = Duration.ofDays(30);
  /** last_seen_at is only rewritten when older than this: one write a minute per session, not one per request. */
  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private static final int MAX_USER_AGENT = 512;

  /** A new session; the secret goes into the cookie. */
  public Uni<NewSecret> create(long userId, String userAgent, String clientIp) {
    String secret = Secrets.generate();
    Instant now = Instant.now();
    SessionEntity session = new SessionEntity();
    session.secretHash = Secrets.hash(secret);
    session.userId = userId;
    session.csrfToken = Secrets.generate();
    session.createdAt = now;
    session.lastSeenAt = now;
    session.expiresAt = now.plus(LIFETIME);
    session.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
    session.clientIp = clientIp;
    return Panache.withTransaction(session::<SessionEntity>persist).map(s -> new NewSecret(s.id, secret));
  }

  /**
   * The session of a cookie, or null when it is unknown, revoked, expired or its user is disabled;
   * refreshes its idle timer. The grant's expiry is the absolute end of the session.
   */
  public Uni<SessionGrant> resolve(String secret) {
    if (!Secrets.wellFormed(secret)) {
      return Uni.createFrom().nullItem();
    }
    Instant now = Instant.now();
    return Panache.withSession(
        () ->
            SessionEntity.<SessionEntity>find(
                    "secretHash = ?1 and revokedAt is null and expiresAt > ?2 and lastSeenAt > ?3"
                        + " and userId in (select u.id from UserEntity u where u.disabledAt is null)",
                    Secrets.hash(secret),
                    now,
                    now.minus(IDLE_TIMEOUT))
                .firstResult()
                .call(session -> session == null ? Uni.createFrom().voidItem() : touch(session, now))
                .map(
                    session ->
                        session == null
                            ? null
                            : new SessionGrant(session.id, session.userId, session.csrfToken, session.expiresAt)));
  }

  /** Moves the idle timer, unless it moved less than a minute ago (most requests only read). */
  private static Uni<Void> touch(SessionEntity session, Instant now) {
    if (!session.lastSeenAt.isBefore(now.minus(TOUCH_INTERVAL))) {
      return Uni.createFrom().voidItem();
    }
    return Panache.withTransaction(
            () -> SessionEntity.update("lastSeenAt = ?1 where id = ?2 and lastSeenAt < ?1", now, session.id))
        .replaceWithVoid();
  }

  public Uni<Void> revoke(String secret) {
    if (!Secrets.wellFormed(secret)) {
      return Uni.createFrom().voidItem();
    }
    return Panache.withTransaction(
            () ->
                SessionEntity.update(
                    "revokedAt = ?1 where secretHash = ?2 and revokedAt is null", Instant.now(), Secrets.hash(secret)))
        .replaceWithVoid();
  }

  /** Ends every session of the user (password change, removal), except the one given (may be null). */
  public Uni<Void> revokeAll(long userId, Long exceptSessionId) {
    return Panache.withTransaction(
            () ->
                SessionEntity.update(
                    "revokedAt = ?1 where userId = ?2 and revokedAt is null and id <> ?3",
                    Instant.now(),
                    userId,
                    exceptSessionId == null ? -1L : exceptSessionId))
        .replaceWithVoid();
  }
}
