package dev.vigil.ingest.auth;

import dev.vigil.ingest.errors.IngestError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials an SDK sent, in any of the forms Relay accepts: the fields of
 * {@code X-Sentry-Auth}/{@code Authorization: Sentry ...}, the {@code sentry_*} query parameters, or
 * the DSN in an envelope header.
 */
public record SentryAuth(String publicKey, String secretKey, String client, Long dsnProjectId) {

  /** Parses "Sentry sentry_key=..., sentry_version=7, sentry_client=...". */
  static SentryAuth fromHeader(String value) {
    String fields = value.trim();
    if (fields.regionMatches(true, 0, "sentry ", 0, 7)) {
      fields = fields.substring(7);
    }
    Map<String, String> pairs = new HashMap<>();
    for (String part : fields.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        pairs.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(part.substring(eq + 1).trim()));
      }
    }
    return fromPairs(pairs, "authorization header");
  }

  /** Builds credentials from sentry_key/sentry_secret/sentry_client pairs (header fields or query). */
  static SentryAuth fromPairs(Map<String, String> pairs, String where) {
    String key = blankToNull(pairs.get("sentry_key"));
    if (key == null) {
      throw IngestError.unauthorized("missing sentry_key in " + where);
    }
    return new SentryAuth(key, blankToNull(pairs.get("sentry_secret")), blankToNull(pairs.get("sentry_client")), null);
  }

  /** The public key (user part) and project id (last path segment) of a DSN. */
  public static SentryAuth fromDsn(String dsn) {
    try {
      URI uri = new URI(dsn);
      String userInfo = uri.getRawUserInfo();
      String path = uri.getPath() == null ? "" : uri.getPath();
      String projectId = path.substring(path.lastIndexOf('/') + 1);
      if (userInfo == null || userInfo.isBlank() || projectId.isEmpty()) {
        throw IngestError.unauthorized("bad envelope authentication header: the dsn has no key or project");
      }
      int colon = userInfo.indexOf(':');
      String key = colon < 0 ? userInfo : userInfo.substring(0, colon);
      String secret = colon < 0 ? null : blankToNull(userInfo.substring(colon + 1));
      return new SentryAuth(key, secret, null, Long.parseLong(projectId));
    } catch (URISyntaxException | NumberFormatException e) {
      throw IngestError.unauthorized("bad envelope authentication header: invalid dsn");
    }
  }

  /** Whether two credentials name the same key (and the same secret, when both carry one). */
  boolean agreesWith(SentryAuth other) {
    return publicKey.equals(other.publicKey)
        && (secretKey == null || other.secretKey == null || Objects.equals(secretKey, other.secretKey));
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
