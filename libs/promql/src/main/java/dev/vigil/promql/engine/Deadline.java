package dev.vigil.promql.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * When a query must give up. The series source checks it while loading; the engine checks it at every
 * step of a range query and of a subquery, so a query that loaded quickly but computes for long (a
 * subquery over a long range at a fine step) still ends at its timeout, as Prometheus's does.
 */
public final class Deadline {

  /** No deadline. */
  public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

  private final long nanos;

  private Deadline(long nanos) {
    this.nanos = nanos;
  }

  /** The deadline at {@code instant} (wall clock), measured from now on the monotonic clock. */
  public static Deadline at(Instant instant) {
    long left = Duration.between(Instant.now(), instant).toNanos();
    return new Deadline(System.nanoTime() + left);
  }

  /** Fails with Prometheus's timeout error once the deadline has passed. */
  void check() {
    if (nanos != Long.MAX_VALUE && System.nanoTime() - nanos > 0) {
      throw new PromqlException("timeout", "query timed out in expression evaluation");
    }
  }
}
