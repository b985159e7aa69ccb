package dev.vigil.query.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: a position's parts joined by ':' in URL-safe base64. The parts are the sort
 * key of the last item (a timestamp in nanoseconds and an id), so paging is a keyset seek.
 */
public final class Cursors {

  private Cursors() {}

  public static String encode(Object... parts) {
    StringBuilder raw = new StringBuilder();
    for (Object p : parts) {
      raw.append(raw.isEmpty() ? "" : ":").append(p);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor's parts, or null when absent; 400 when it does not have {@code count} parts. */
  public static String[] decode(String cursor, int count) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length == count) {
        return parts;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.badRequest("invalid cursor");
  }
}
