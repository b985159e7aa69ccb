package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: 64 hex characters (as Sentry's user tokens, which sentry-cli sends as they are), stored
 * as SHA-256 hashes, per user (acting for the user in one organization) or per organization.
 */
@ApplicationScoped
public class ApiTokens {

  /** last_used_at is only rewritten when older than this: a busy CI token writes once a minute, not per call. */
  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  /** A token as listed: never its secret, only the first characters to recognise it. */
  public record TokenInfo(long id, Long userId, long organizationId, String name, String prefix, Set<Scope> scopes,
      Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}

  /** A new token; the secret is returned once. userId null makes an organization token. */
  public Uni<NewSecret> create(Long userId, long organizationId, String name, Set<Scope> scopes, Instant expiresAt) {
    String secret = Secrets.generate();
    ApiTokenEntity token = new ApiTokenEntity();
    token.tokenHash = Secrets.hash(secret);
    token.prefix = secret.substring(0, Secrets.PREFIX_LENGTH);
    token.organizationId = organizationId;
    token.userId = userId;
    token.name = name == null ? "" : name.trim();
    token.scopes = scopes.stream().sorted().map(Scope::wireName).toArray(String[]::new);
    token.expiresAt = expiresAt;
    return Panache.withTransaction(token::<ApiTokenEntity>persist).map(t -> new NewSecret(t.id, secret));
  }

  /** What the token grants, or null when it is unknown, revoked, expired, or its user left the organization. */
  public Uni<TokenGrant> resolve(String secret) {
    if (!Secrets.wellFormed(secret)) {
      return Uni.createFrom().nullItem();
    }
    Instant now = Instant.now();
    return Panache.withSession(
        () ->
            ApiTokenEntity.<ApiTokenEntity>find(
                    "tokenHash = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)",
                    Secrets.hash(secret),
                    now)
                .firstResult()
                .chain(
                    token ->
                        token == null
                            ? Uni.createFrom().<TokenGrant>nullItem()
                            : grant(token).call(g -> g == null ? Uni.createFrom().voidItem() : touch(token, now))));
  }

  /** The organization's tokens (userId null: all of them; else the user's own). Revoked tokens are not listed. */
  public Uni<List<TokenInfo>> list(long organizationId, Long userId) {
    return Panache.withSession(
            () ->
                userId == null
                    ? ApiTokenEntity.<ApiTokenEntity>list(
                        "organizationId = ?1 and revokedAt is null order by id", organizationId)
                    : ApiTokenEntity.<ApiTokenEntity>list(
                        "organizationId = ?1 and userId = ?2 and revokedAt is null order by id", organizationId, userId))
        .map(tokens -> tokens.stream().map(ApiTokens::info).toList());
  }

  /** The organization's unrevoked token with this id, or null; as {@link #list} shows it. */
  public Uni<TokenInfo> find(long organizationId, long tokenId) {
    return Panache.withSession(
            () ->
                ApiTokenEntity.<ApiTokenEntity>find(
                        "id = ?1 and organizationId = ?2 and revokedAt is null", tokenId, organizationId)
                    .firstResult())
        .map(t -> t == null ? null : info(t));
  }

  /** Revokes the token if it belongs to the organization; false when there is no such (unrevoked) token. */
  public Uni<Boolean> revoke(long organizationId, long tokenId) {
    return Panache.withTransaction(
            () ->
                ApiTokenEntity.update(
                    "revokedAt = ?1 where id = ?2 and organizationId = ?3 and revokedAt is null",
                    Instant.now(),
                    tokenId,
                    organizationId))
        .map(count -> count > 0);
  }

  /**
   * An organization token grants its scopes; a user token those of its scopes that the user's current
   * role allows, and nothing once the user left the organization or was disabled.
   */
  private static Uni<TokenGrant> grant(ApiTokenEntity token) {
    Set<Scope> scopes = scopes(token.scopes);
    if (token.userId == null) {
      return Uni.createFrom().item(new TokenGrant(token.id, null, token.organizationId, scopes));
    }
    return UserEntity.<UserEntity>findById(token.userId)
        .chain(
            user ->
                user == null || !user.enabled()
                    ? Uni.createFrom().<Role>nullItem()
                    : MemberRows.role(token.organizationId, token.userId))
        .map(
            role -> {
              if (role == null) {
                return null;
              }
              Set<Scope> allowed = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
              allowed.retainAll(role.scopes());
              return new TokenGrant(token.id, token.userId, token.organizationId, Collections.unmodifiableSet(allowed));
            });
  }

  /** Records the use, unless one was recorded less than a minute ago (most calls only read). */
  private static Uni<Void> touch(ApiTokenEntity token, Instant now) {
    if (token.lastUsedAt != null && token.lastUsedAt.isAfter(now.minus(TOUCH_INTERVAL))) {
      return Uni.createFrom().voidItem();
    }
    return Panache.withTransaction(
            () ->
                ApiTokenEntity.update(
                    "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?1)", now, token.id))
        .replaceWithVoid();
  }

  private static TokenInfo info(ApiTokenEntity t) {
    return new TokenInfo(t.id, t.userId, t.organizationId, t.name, t.prefix, scopes(t.scopes), t.createdAt,
        t.lastUsedAt, t.expiresAt);
  }

  /** Stored wire names as scopes; a name this version does not know grants nothing. */
  private static Set<Scope> scopes(String[] wireNames) {
    EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(wireNames).map(Scope::parse).flatMap(Optional::stream).forEach(scopes::add);
    return Collections.unmodifiableSet(scopes);
  }
}
