package dev.vigil.query.sentryapi.common;

import dev.vigil.query.rest.ApiException;

/**
 * A page position in Sentry's cursor syntax {@code value:offset:is_prev}. Vigil's Sentry lists page by
 * offset (value is always 0), which makes the "previous" link exact; clients treat cursors as opaque.
 */
public record SentryCursor(int offset) {

  /** Deepest offset served: a tool paging further should narrow its query instead. */
  static final int MAX_OFFSET = 100_000;

  public static SentryCursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return new SentryCursor(0);
    }
    String[] parts = cursor.trim().split(":");
    try {
      if (parts.length == 3) {
        int offset = Integer.parseInt(parts[1]);
        if (offset >= 0 && offset <= MAX_OFFSET) {
          return new SentryCursor(offset);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("Invalid cursor parameter.");
  }

  /** The cursor of the page after this one. */
  public String next(int limit) {
    return "0:" + (offset + limit) + ":0";
  }

  /** The cursor of the page before this one (the first page's own cursor on the first page). */
  public String previous(int limit) {
    return "0:" + Math.max(0, offset - limit) + ":1";
  }
}
