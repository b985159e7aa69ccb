package dev.vigil.storage.clickhouse.write;

import java.util.regex.Pattern;

/** Checks insert deduplication tokens: they travel as a setting, so only characters that need no quoting. */
final class DeduplicationTokens {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
  // Derived tokens (a caller's token plus a per-table suffix) may be a little longer.
  private static final Pattern DERIVED = Pattern.compile("[A-Za-z0-9_.:-]{1,250}");

  private DeduplicationTokens() {}

  /** A caller's token; throws {@link IllegalArgumentException} when empty, too long or needing quoting. */
  static void check(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("deduplication token must match " + TOKEN.pattern());
    }
  }

  /** A token as sent to ClickHouse, possibly derived from a caller's checked token. */
  static void checkDerived(String token) {
    if (token == null || !DERIVED.matcher(token).matches()) {
      throw new IllegalArgumentException("deduplication token must match " + DERIVED.pattern());
    }
  }
}
