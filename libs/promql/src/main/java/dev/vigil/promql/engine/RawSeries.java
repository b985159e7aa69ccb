package dev.vigil.promql.engine;

/**
 * A stored series as a {@link SeriesSource} returns it: labels (including {@code __name__}) and
 * float samples sorted by time in Unix milliseconds; staleness markers included.
 */
public record RawSeries(Labels labels, long[] timestamps, double[] values) {

  public int size() {
    return timestamps.length;
  }
}
