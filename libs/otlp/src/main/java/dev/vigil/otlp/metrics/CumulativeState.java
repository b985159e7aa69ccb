package dev.vigil.otlp.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Running totals that turn delta points into cumulative ones, per series, in memory.
 *
 * <p>Kafka's key sends every point of a resource to one consumer, so one converter sees a series'
 * whole history. A point whose time is not after the last accepted one of its series is dropped
 * (a replay or a reordering would otherwise count twice). The state is bounded: beyond
 * {@code maxSeries} the least recently updated series is forgotten, and its next delta starts a new
 * total, which PromQL's rate() reads as a counter reset, as it reads a restart of the process.
 */
final class CumulativeState {

  private record Entry(long lastTimeNanos, Object total) {}

  private final Map<Long, Entry> entries;

  CumulativeState(int maxSeries) {
    this.entries =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > maxSeries;
          }
        };
  }

  /**
   * The series' total after adding {@code delta} at {@code timeNanos} ({@code delta} itself for a new
   * series, or when the stored total has another type); null when the point is not newer than the
   * last one accepted.
   */
  synchronized <T> T add(long key, long timeNanos, T delta, Class<T> type, BinaryOperator<T> plus) {
    Entry entry = entries.get(key);
    if (entry != null && timeNanos <= entry.lastTimeNanos) {
      return null;
    }
    T total = entry != null && type.isInstance(entry.total) ? plus.apply(type.cast(entry.total), delta) : delta;
    entries.put(key, new Entry(timeNanos, total));
    return total;
  }

  synchronized int size() {
    return entries.size();
  }
}
