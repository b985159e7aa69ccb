package dev.vigil.alert.delivery;

import dev.vigil.alert.AlertingConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed delivery again, or to give up: a rate limit's own delay (never retried sooner),
 * else exponential backoff from the first delay up to the longest; failed for good after the last
 * attempt or when the notification is too old to matter. No jitter: one outbox row is retried by one
 * replica at a time, so retries of one channel do not stampede.
 */
final class RetryPolicy {

  private final Duration initial;
  private final Duration max;
  private final int maxAttempts;
  private final Duration maxAge;

  RetryPolicy(Duration initial, Duration max, int maxAttempts, Duration maxAge) {
    this.initial = initial;
    this.max = max;
    this.maxAttempts = maxAttempts;
    this.maxAge = maxAge;
  }

  static RetryPolicy of(AlertingConfig.Delivery config) {
    return new RetryPolicy(config.initialBackoff(), config.maxBackoff(), config.maxAttempts(), config.maxAge());
  }

  /** The next attempt's time after {@code attempts} failed attempts, or null to give up. */
  Instant nextAttempt(SendOutcome outcome, int attempts, Instant createdAt, Instant now) {
    if (outcome.kind() == SendOutcome.Kind.PERMANENT || attempts >= maxAttempts) {
      return null;
    }
    Duration delay = outcome.kind() == SendOutcome.Kind.RATE_LIMITED && outcome.retryAfter() != null
        ? outcome.retryAfter()
        : backoff(attempts);
    Instant next = now.plus(delay);
    return next.isAfter(createdAt.plus(maxAge)) ? null : next;
  }

  Duration backoff(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    Duration d = initial.multipliedBy(1L << doublings);
    return d.compareTo(max) > 0 ? max : d;
  }
}
