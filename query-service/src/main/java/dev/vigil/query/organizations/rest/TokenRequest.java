package dev.vigil.query.organizations.rest;

import java.time.Instant;
import java.util.List;

/** Body of {@code POST /api/v1/organizations/{org}/tokens}; without expiresAt the token does not expire. */
record TokenRequest(String name, List<String> scopes, Instant expiresAt, Boolean organizationToken) {}
