package dev.vigil.state.accounts;

import java.util.Locale;

/** Emails are compared and stored trimmed and lower-cased: Alice@Example.com and alice@example.com are one user. */
final class Emails {

  private Emails() {}

  /** The stored form; fails with {@link IllegalArgumentException} when it cannot be an address. */
  static String normalise(String email) {
    String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    int at = normalised.indexOf('@');
    if (at <= 0 || at == normalised.length() - 1 || normalised.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("not an email address: '" + email + "'");
    }
    return normalised;
  }

  /** The stored form for lookups, where a malformed address simply matches nobody. */
  static String normaliseForLookup(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
