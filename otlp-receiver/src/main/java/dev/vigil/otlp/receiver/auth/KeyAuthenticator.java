package dev.vigil.otlp.receiver.auth;

import dev.vigil.edge.keys.KeyLookupUnavailableException;
import dev.vigil.edge.keys.ProjectKeyCache;
import dev.vigil.otlp.receiver.ingest.Refusal;
import dev.vigil.otlp.receiver.ingest.Refusal.Kind;
import dev.vigil.state.projects.DsnKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Turns the credential header into the project key it names: the same public keys as the projects'
 * Sentry DSNs. 401 / UNAUTHENTICATED for a missing or unknown key, 403 / PERMISSION_DENIED for a
 * disabled one.
 */
@ApplicationScoped
public class KeyAuthenticator {

  private static final long LOOKUP_RETRY_AFTER_SECONDS = 10;

  @Inject ProjectKeyCache keys;
  @Inject OtlpAuthConfig config;

  /** The name of the header or metadata key to read, lower case. */
  public String header() {
    return config.header().toLowerCase(Locale.ROOT);
  }

  /** The key, or a {@link Refusal}. Blocks when the key is not cached: call from a worker thread. */
  public DsnKey authenticate(String credential) {
    String publicKey = publicKey(credential);
    DsnKey key;
    try {
      key = keys.find(publicKey);
    } catch (KeyLookupUnavailableException e) {
      throw Refusal.retryable(Kind.UNAVAILABLE, "cannot check the project key right now, retry later", LOOKUP_RETRY_AFTER_SECONDS, e);
    }
    if (key == null) {
      throw Refusal.of(Kind.UNAUTHENTICATED, "unknown project key");
    }
    if (!key.active()) {
      throw Refusal.of(Kind.FORBIDDEN, "the project key is disabled");
    }
    return key;
  }

  String publicKey(String credential) {
    String value = credential == null ? "" : credential.trim();
    if (header().equals("authorization")) {
      if (!value.regionMatches(true, 0, "bearer ", 0, 7)) {
        throw Refusal.of(
            Kind.UNAUTHENTICATED,
            value.isEmpty()
                ? "missing project key: send 'Authorization: Bearer <public key>'"
                : "the Authorization header must be 'Bearer <public key>'");
      }
      value = value.substring(7).trim();
    }
    if (value.isEmpty()) {
      throw Refusal.of(Kind.UNAUTHENTICATED, "missing project key in the " + config.header() + " header");
    }
    return value;
  }
}
