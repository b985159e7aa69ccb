package dev.vigil.ingest.limits;

import dev.vigil.edge.limits.KeyRateLimiter;
import dev.vigil.ingest.errors.IngestError;
import dev.vigil.state.projects.DsnKey;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Applies a key's per-minute limit (or the configured default) and answers 429 the way Relay does. */
@ApplicationScoped
public class RateLimits {

  private final KeyRateLimiter limiter = new KeyRateLimiter(System::currentTimeMillis);

  @Inject IngestLimits limits;

  /** Counts one envelope for the key; throws 429 when the key is over its limit. */
  public void acquire(DsnKey key) {
    Integer perMinute = key.rateLimitPerMinute();
    if (perMinute == null && limits.defaultRateLimitPerMinute().isPresent()) {
      perMinute = limits.defaultRateLimitPerMinute().getAsInt();
    }
    if (perMinute == null) {
      return;
    }
    long retryAfter = limiter.acquire(key.publicKey(), perMinute);
    if (retryAfter > 0) {
      throw IngestError.rateLimited(
          "Sentry dropped data due to a quota or internal rate limit being reached (key limit "
              + perMinute + " per minute)",
          retryAfter,
          sentryRateLimits(retryAfter));
    }
  }

  /** X-Sentry-Rate-Limits: retry_after:categories:scope:reason_code; no categories means all. */
  static String sentryRateLimits(long retryAfterSeconds) {
    return retryAfterSeconds + "::key:key_quota";
  }

  @Scheduled(every = "5m")
  void evictExpired() {
    limiter.evictExpired();
  }
}
