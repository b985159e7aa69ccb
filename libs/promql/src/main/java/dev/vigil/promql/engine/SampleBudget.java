package dev.vigil.promql.engine;

/**
 * Counts the points a query materialises while it runs (besides the raw samples counted when
 * loading), so a query that would fan out without bound fails with a clear error instead.
 */
final class SampleBudget {

  private final long max;
  private long used;

  SampleBudget(long max) {
    this.max = max;
  }

  void add(long n) {
    used += n;
    if (used > max) {
      throw new QueryLimitException(
          "query processing would load too many samples into memory (more than " + max
              + ", limit maxSamples)");
    }
  }
}
