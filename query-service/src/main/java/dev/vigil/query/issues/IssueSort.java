package dev.vigil.query.issues;

import dev.vigil.query.rest.ApiException;
import java.util.Arrays;

/** Orders of the issue list, all descending; wire names as in Sentry's API. */
public enum IssueSort {
  LAST_SEEN("lastSeen"),
  FIRST_SEEN("firstSeen"),
  EVENTS("events"),
  USERS("users");

  private final String wireName;

  IssueSort(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The sort for a query parameter; null means lastSeen. */
  public static IssueSort parse(String value) {
    if (value == null || value.isEmpty()) {
      return LAST_SEEN;
    }
    return Arrays.stream(values())
        .filter(s -> s.wireName.equals(value))
        .findFirst()
        .orElseThrow(
            () -> ApiException.badRequest("unknown sort '" + value + "', expected one of lastSeen, firstSeen, events, users"));
  }
}
