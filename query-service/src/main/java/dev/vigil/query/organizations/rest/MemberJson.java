package dev.vigil.query.organizations.rest;

import dev.vigil.state.accounts.Organizations.Member;

/** A member of an organization and their role. */
record MemberJson(long userId, String email, String name, String role) {

  static MemberJson of(Member m) {
    return new MemberJson(m.userId(), m.email(), m.name(), m.role().wireName());
  }
}
