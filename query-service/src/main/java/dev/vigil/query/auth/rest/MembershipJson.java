package dev.vigil.query.auth.rest;

import dev.vigil.state.accounts.Membership;

/** The caller's role in one organization; role is null for an organization token. */
record MembershipJson(String organization, String role) {

  static MembershipJson of(Membership m) {
    return new MembershipJson(m.organizationSlug(), m.role().wireName());
  }
}
