package dev.vigil.query.organizations.rest;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;

/** Parsing roles, and the rule that only owners make or unmake owners. */
final class Roles {

  private Roles() {}

  static Role parse(String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("role is required: owner, admin, member or viewer");
    }
    try {
      return Role.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("role must be owner, admin, member or viewer");
    }
  }

  /**
   * Granting, taking away or inviting to the owner role needs member:admin, which only the owner role
   * grants (admins have member:write, enough for everyone else).
   */
  static void requireOwnerPowers(Caller caller, long organizationId, Role... involved) {
    for (Role role : involved) {
      if (role == Role.OWNER && !caller.can(organizationId, Scope.MEMBER_ADMIN)) {
        throw ApiException.forbidden("only owners grant or take away the owner role");
      }
    }
  }
}
