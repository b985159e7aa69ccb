package dev.vigil.otlp.common;

import java.time.Instant;

/** OTLP timestamps (unsigned nanoseconds since the Unix epoch) as Java time. */
public final class UnixNanos {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private UnixNanos() {}

  /** The instant; 0 (unset) is the epoch, and values past 2262 (negative as a signed long) are clamped to it. */
  public static Instant toInstant(long unixNanos) {
    if (unixNanos <= 0) {
      return Instant.EPOCH;
    }
    return Instant.ofEpochSecond(unixNanos / NANOS_PER_SECOND, unixNanos % NANOS_PER_SECOND);
  }

  /** Milliseconds since the epoch, truncated, as Prometheus timestamps samples. */
  public static long toMillis(long unixNanos) {
    return unixNanos <= 0 ? 0 : unixNanos / NANOS_PER_MILLI;
  }

  /** Nanoseconds since the epoch of an instant (Vigil's fallback times). */
  public static long of(Instant instant) {
    return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
  }
}
