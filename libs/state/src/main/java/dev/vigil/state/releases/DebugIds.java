package dev.vigil.state.releases;

import java.util.Locale;

/** Debug ids as stored and looked up: lower-case, hyphenated UUIDs (SDKs and sentry-cli vary in case). */
public final class DebugIds {

  private DebugIds() {}

  public static String normalize(String debugId) {
    String id = debugId.trim().toLowerCase(Locale.ROOT);
    String hex = id.replace("-", "");
    if (hex.length() == 32 && hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20);
    }
    return id;
  }
}
