package dev.vigil.sentry.envelope;

import java.util.Locale;
import java.util.UUID;

/** Sentry event ids: UUIDs, written as 32 lowercase hex digits (the form Relay answers with). */
public final class EventIds {

  private EventIds() {}

  /** A new random event id. */
  public static String generate() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * The id in its canonical 32-hex form, or null when the text is not a UUID (with or without
   * dashes, any case).
   */
  public static String normalize(String text) {
    if (text == null) {
      return null;
    }
    String hex = text.length() == 36 ? dashless(text) : text;
    if (hex == null || hex.length() != 32) {
      return null;
    }
    for (int i = 0; i < 32; i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        return null;
      }
    }
    return hex.toLowerCase(Locale.ROOT);
  }

  private static String dashless(String text) {
    for (int i : new int[] {8, 13, 18, 23}) {
      if (text.charAt(i) != '-') {
        return null;
      }
    }
    return text.replace("-", "");
  }
}
