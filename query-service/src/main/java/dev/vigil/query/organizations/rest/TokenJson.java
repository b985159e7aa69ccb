package dev.vigil.query.organizations.rest;

import dev.vigil.state.accounts.ApiTokens.TokenInfo;
import dev.vigil.state.accounts.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * An API token as listed: never the secret, only its first characters. {@code token} is set once, in
 * the answer that creates it. userId is null for an organization token.
 */
record TokenJson(
    long id, String name, String prefix, List<String> scopes, Long userId, Instant createdAt, Instant lastUsedAt,
    Instant expiresAt, String token) {

  static TokenJson of(TokenInfo t) {
    return new TokenJson(
        t.id(), t.name(), t.prefix(), wireNames(t.scopes()), t.userId(), t.createdAt(), t.lastUsedAt(), t.expiresAt(), null);
  }

  /** The same token with its secret, for the answer that creates it. */
  TokenJson withSecret(String secret) {
    return new TokenJson(id, name, prefix, scopes, userId, createdAt, lastUsedAt, expiresAt, secret);
  }

  static List<String> wireNames(Collection<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).sorted().toList();
  }
}
