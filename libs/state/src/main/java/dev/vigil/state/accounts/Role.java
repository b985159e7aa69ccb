package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.Scope.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A member's role in an organization and the scopes it grants, after Sentry's roles: a viewer reads, a
 * member also works issues and releases, an admin manages projects, teams, alerts and members, an owner
 * also the organization itself.
 */
public enum Role {
  VIEWER(EnumSet.of(ORG_READ, MEMBER_READ, TEAM_READ, PROJECT_READ, EVENT_READ, ALERTS_READ)),
  // Members manage alert rules, channels and silences, as in Sentry (where "let members create, edit
  // and delete alert rules" is on by default): whoever is on call fixes a noisy rule at 3 am.
  MEMBER(EnumSet.of(ORG_READ, MEMBER_READ, TEAM_READ, PROJECT_READ, PROJECT_RELEASES, EVENT_READ, EVENT_WRITE,
      ALERTS_READ, ALERTS_WRITE)),
  ADMIN(EnumSet.of(ORG_READ, MEMBER_READ, MEMBER_WRITE, TEAM_READ, TEAM_WRITE, TEAM_ADMIN, PROJECT_READ,
      PROJECT_WRITE, PROJECT_ADMIN, PROJECT_RELEASES, EVENT_READ, EVENT_WRITE, EVENT_ADMIN, ALERTS_READ,
      ALERTS_WRITE)),
  OWNER(EnumSet.allOf(Scope.class));

  private final Set<Scope> scopes;

  Role(Set<Scope> scopes) {
    this.scopes = Set.copyOf(scopes);
  }

  public Set<Scope> scopes() {
    return scopes;
  }

  /** The name stored and shown: {@code owner}, {@code admin}, {@code member}, {@code viewer}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }
}
