package dev.vigil.bench.common;

import java.util.Arrays;

/** Request latencies in power-of-two microsecond buckets: cheap to record from many threads. */
public final class LatencyHistogram {
  private final long[] buckets = new long[64];

  public void record(long micros) {
    synchronized (buckets) {
      buckets[63 - Long.numberOfLeadingZeros(Math.max(1, micros))]++;
    }
  }

  /** Upper bound of the power-of-two microsecond bucket holding the percentile. */
  public String percentile(double p) {
    long total = Arrays.stream(buckets).sum();
    long seen = 0;
    for (int i = 0; i < buckets.length; i++) {
      seen += buckets[i];
      if (total > 0 && seen >= Math.ceil(p * total)) {
        long micros = 1L << (i + 1);
        return micros >= 1000 ? (micros / 1000) + " ms" : micros + " µs";
      }
    }
    return "n/a";
  }

  /** "p50 &lt; …, p99 &lt; …, max &lt; …" */
  public String summary() {
    return String.format("p50 < %s, p99 < %s, max < %s", percentile(0.50), percentile(0.99), percentile(1.0));
  }
}
