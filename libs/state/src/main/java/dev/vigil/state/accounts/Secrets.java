package dev.vigil.state.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random bearer secrets (API tokens, session cookies, invitation links) and their stored form. A secret
 * has 256 random bits, so a plain SHA-256 suffices to store it: there is nothing to brute-force, and
 * the lookup by hash is an index scan that reveals nothing about the secret through timing.
 */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How many leading characters of a token are kept to recognise it in lists. */
  static final int PREFIX_LENGTH = 8;

  private Secrets() {}

  /** 32 random bytes as 64 lower-case hex characters. */
  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The stored form of a secret: SHA-256 of its UTF-8 bytes, lower-case hex. */
  static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * Compares two secrets in constant time (admin token, CSRF token), so they cannot be guessed from
   * response timing; digests are compared rather than the strings, so not even the length shows.
   */
  public static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(a).getBytes(StandardCharsets.US_ASCII), hash(b).getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether the value has the shape of a secret we issued; anything else is rejected without a lookup. */
  static boolean wellFormed(String secret) {
    if (secret == null || secret.length() != 64) {
      return false;
    }
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
