package dev.vigil.ingest.auth;

import dev.vigil.ingest.errors.IngestError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the credentials of a request in the places Relay looks: X-Sentry-Auth, Authorization (when
 * it starts with "Sentry "), and sentry_* query parameters. The envelope's dsn is the caller's
 * fallback when none of these is present. Relay refuses any second credential; we accept a repeat of
 * the same key and refuse only contradictions, so a proxy that copies the key into the query does not
 * break ingestion.
 */
public final class RequestCredentials {

  private RequestCredentials() {}

  /** The request's credentials, or null when it carries none. */
  public static SentryAuth find(String xSentryAuth, String authorization, Map<String, List<String>> query) {
    SentryAuth found = null;
    if (isSentryScheme(xSentryAuth)) {
      found = SentryAuth.fromHeader(xSentryAuth);
    }
    if (isSentryScheme(authorization)) {
      found = merge(found, SentryAuth.fromHeader(authorization));
    }
    if (query.containsKey("sentry_key")) {
      Map<String, String> pairs = new HashMap<>();
      for (String name : List.of("sentry_key", "sentry_secret", "sentry_client", "sentry_version")) {
        List<String> values = query.get(name);
        if (values != null && !values.isEmpty()) {
          pairs.put(name, values.get(0));
        }
      }
      found = merge(found, SentryAuth.fromPairs(pairs, "query string"));
    }
    return found;
  }

  private static boolean isSentryScheme(String header) {
    return header != null && header.trim().regionMatches(true, 0, "sentry ", 0, 7);
  }

  private static SentryAuth merge(SentryAuth first, SentryAuth second) {
    if (first == null) {
      return second;
    }
    if (!first.agreesWith(second)) {
      throw IngestError.unauthorized("multiple authorization payloads detected");
    }
    return new SentryAuth(
        first.publicKey(),
        first.secretKey() != null ? first.secretKey() : second.secretKey(),
        first.client() != null ? first.client() : second.client(),
        null);
  }
}
