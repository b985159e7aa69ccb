package dev.vigil.state.accounts;

/** A user's role in one organization. */
public record Membership(long organizationId, String organizationSlug, Role role) {}
