package dev.vigil.bench.common;

/** With --rate: item n is due n/rate seconds after the start, a steady, bounded load. */
public record Pace(long startNanos, double rate) {

  /** Sleeps until the item at {@code offset} (counted from the start) is due; returns at once without a rate. */
  public void awaitTurn(long offset) throws InterruptedException {
    if (rate <= 0) {
      return;
    }
    long wait = startNanos + (long) (offset * 1e9 / rate) - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
