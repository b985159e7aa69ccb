package dev.vigil.state.accounts;

import java.util.Set;

/**
 * What a valid API token grants. A user token acts for its user in {@code organizationId} with the
 * token's scopes narrowed to what the user's role there allows (so demoting a user narrows their
 * tokens); an organization token ({@code userId} null) has exactly its scopes.
 */
public record TokenGrant(long tokenId, Long userId, long organizationId, Set<Scope> scopes) {}
