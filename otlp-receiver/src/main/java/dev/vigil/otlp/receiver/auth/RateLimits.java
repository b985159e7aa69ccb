package dev.vigil.otlp.receiver.auth;

import dev.vigil.edge.limits.KeyRateLimiter;
import dev.vigil.otlp.receiver.ingest.OtlpLimits;
import dev.vigil.otlp.receiver.ingest.Refusal;
import dev.vigil.otlp.receiver.ingest.Refusal.Kind;
import dev.vigil.state.projects.DsnKey;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Applies a key's per-minute export limit (or the configured default): 429 / RESOURCE_EXHAUSTED. */
@ApplicationScoped
public class RateLimits {

  private final KeyRateLimiter limiter = new KeyRateLimiter(System::currentTimeMillis);

  @Inject OtlpLimits limits;

  /** Counts one export request for the key; refuses it when the key is over its limit. */
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
      throw Refusal.retryable(
          Kind.RATE_LIMITED, "rate limited: the project key allows " + perMinute + " export requests per minute", retryAfter, null);
    }
  }

  @Scheduled(every = "5m")
  void evictExpired() {
    limiter.evictExpired();
  }
}
