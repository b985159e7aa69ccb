package dev.vigil.query.issues;

import dev.vigil.query.rest.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page of the issue list ended: the last issue's sort key and id. Keyset paging
 * keeps pages stable while new issues arrive; the sort is part of the cursor so that a cursor is
 * not reused with another order.
 */
public record ListCursor(IssueSort sort, long key, long issueId) {

  public String encode() {
    String raw = sort.wireName() + ":" + key + ":" + issueId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a cursor given with {@code sort}; null when there is none. */
  public static ListCursor decode(String cursor, IssueSort sort) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      if (parts.length != 3 || !parts[0].equals(sort.wireName())) {
        throw ApiException.badRequest("cursor does not belong to sort " + sort.wireName());
      }
      return new ListCursor(sort, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid cursor");
    }
  }

  /** Whether an entry with this key and id comes after the cursor in descending order. */
  boolean precedes(long otherKey, long otherId) {
    return otherKey < key || (otherKey == key && otherId < issueId);
  }
}
