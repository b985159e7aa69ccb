package dev.vigil.edge.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Fixed one-minute windows per DSN key, aligned to the wall clock as Relay's quota windows are, so
 * Retry-After tells the SDK exactly when the window resets. Per edge instance: with N replicas the
 * effective limit is up to N times the configured one (a shared counter needs Redis or similar).
 */
public final class KeyRateLimiter {

  private static final long WINDOW_MILLIS = 60_000;

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public KeyRateLimiter(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Counts one submission for the key. Returns 0 when it is within {@code limitPerMinute}, otherwise
   * the seconds until the window resets (at least 1).
   */
  public long acquire(String key, int limitPerMinute) {
    long now = clock.getAsLong();
    long windowStart = now - Math.floorMod(now, WINDOW_MILLIS);
    Window window = windows.compute(key, (k, w) -> w == null || w.start != windowStart ? new Window(windowStart) : w);
    synchronized (window) {
      if (window.count < limitPerMinute) {
        window.count++;
        return 0;
      }
    }
    long remaining = windowStart + WINDOW_MILLIS - now;
    return Math.max(1, (remaining + 999) / 1000);
  }

  /** Forgets windows that ended, so keys that stopped sending do not stay in memory. */
  public void evictExpired() {
    long now = clock.getAsLong();
    windows.values().removeIf(w -> w.start + WINDOW_MILLIS <= now);
  }

  private static final class Window {
    final long start;
    int count;

    Window(long start) {
      this.start = start;
    }
  }
}
