package dev.vigil.ingest.auth;

import dev.vigil.edge.keys.KeyLookupUnavailableException;
import dev.vigil.edge.keys.ProjectKeyCache;
import dev.vigil.ingest.errors.IngestError;
import dev.vigil.state.projects.DsnKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether credentials may submit to a project. Statuses follow Relay: 401 for credentials
 * that authenticate nothing, 403 for a valid key that may not submit here. Relay answers an unknown
 * key with 403 as well (its project state is "invalid"); we use 401 because the credential is wrong,
 * which is what an operator debugging a DSN typo expects to see.
 */
@ApplicationScoped
public class Authenticator {

  @Inject ProjectKeyCache keys;

  /** The key to account the request to; throws {@link IngestError} when it may not submit. */
  public DsnKey authenticate(long projectId, SentryAuth auth) {
    DsnKey key;
    try {
      key = keys.find(auth.publicKey());
    } catch (KeyLookupUnavailableException e) {
      throw IngestError.unavailable("cannot look up the sentry key right now", 10, e);
    }
    if (key == null) {
      throw IngestError.unauthorized("unknown sentry_key");
    }
    if (auth.secretKey() != null && !auth.secretKey().equals(key.secretKey())) {
      throw IngestError.unauthorized("invalid sentry_secret");
    }
    if (!key.active()) {
      throw IngestError.rejected("event submission rejected with_reason: DisabledKey");
    }
    if (key.projectId() != projectId || (auth.dsnProjectId() != null && auth.dsnProjectId() != projectId)) {
      throw IngestError.rejected("event submission rejected with_reason: ProjectId");
    }
    return key;
  }
}
