package dev.vigil.query.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most so many PromQL queries evaluated at once (Prometheus's {@code --query.max-concurrency}); the
 * others wait for a turn, first come first served, until their own deadline, then fail as Prometheus
 * does ({@code timeout}, "query timed out in query queue"). Bounds the memory all queries hold together.
 */
final class QueryTurns {

  private final Semaphore turns;

  QueryTurns(int maxConcurrency) {
    this.turns = new Semaphore(maxConcurrency, true);
  }

  /** Waits for a turn until {@code deadline}; the caller must {@link #release()} it. */
  void acquire(Instant deadline) {
    try {
      long wait = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      if (!turns.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
        throw new PromApiException(503, "timeout", "query timed out in query queue");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PromApiException(503, "canceled", "query was canceled while waiting in the queue");
    }
  }

  void release() {
    turns.release();
  }
}
