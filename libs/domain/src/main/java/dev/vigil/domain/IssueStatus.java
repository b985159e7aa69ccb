package dev.vigil.domain;

import java.util.Arrays;

/** Workflow state of an issue; wire names follow Sentry's web API. */
public enum IssueStatus {
  UNRESOLVED("unresolved"),
  RESOLVED("resolved"),
  RESOLVED_IN_NEXT_RELEASE("resolvedInNextRelease"),
  IGNORED("ignored");

  private final String wireName;

  IssueStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Parses a wire name; throws IllegalArgumentException listing the accepted values. */
  public static IssueStatus fromWire(String value) {
    return Arrays.stream(values())
        .filter(s -> s.wireName.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown status '" + value + "', expected one of unresolved, resolved, resolvedInNextRelease, ignored"));
  }
}
