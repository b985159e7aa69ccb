package dev.vigil.state.accounts;

import java.util.List;

/** A user as the API sees them: identity and the organizations they belong to. */
public record Account(long userId, String email, String name, List<Membership> memberships) {}
