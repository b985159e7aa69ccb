package dev.vigil.state.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do, named as Sentry names its API token scopes, so that tokens and tools made for
 * Sentry ("project:releases" for sentry-cli, "event:read" for issue tooling) mean the same here.
 */
public enum Scope {
  ORG_READ("org:read"),
  ORG_WRITE("org:write"),
  ORG_ADMIN("org:admin"),
  MEMBER_READ("member:read"),
  MEMBER_WRITE("member:write"),
  MEMBER_ADMIN("member:admin"),
  TEAM_READ("team:read"),
  TEAM_WRITE("team:write"),
  TEAM_ADMIN("team:admin"),
  PROJECT_READ("project:read"),
  PROJECT_WRITE("project:write"),
  PROJECT_ADMIN("project:admin"),
  PROJECT_RELEASES("project:releases"),
  EVENT_READ("event:read"),
  EVENT_WRITE("event:write"),
  EVENT_ADMIN("event:admin"),
  ALERTS_READ("alerts:read"),
  ALERTS_WRITE("alerts:write");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  /** The name in tokens and API documents, e.g. {@code event:read}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<Scope> parse(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }
}
