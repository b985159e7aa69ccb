package dev.vigil.state.accounts;

import java.time.Instant;

/** A valid login session: whose it is, the CSRF token its cookie-authenticated writes must echo, and when it ends. */
public record SessionGrant(long sessionId, long userId, String csrfToken, Instant expiresAt) {}
