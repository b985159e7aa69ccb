package dev.vigil.otlp.logs;

/**
 * Ids for log records, which carry none: a SplitMix64 step (Steele, Lea, Flood 2014; the generator
 * behind {@link java.util.SplittableRandom}) from a seed the processor derives from the Kafka record's
 * partition and offset, so a replayed record yields the same ids.
 *
 * <p>Hand-written because it is two lines of arithmetic, and the constants must never change: ids
 * are stored. Within one seed the ids are distinct ({@code seed + (i + 1) * GAMMA} is a bijection of
 * {@code i} and so is the mix); across seeds they collide with probability ~2^-64 per pair.
 */
public final class LogIds {

  private static final long GAMMA = 0x9e3779b97f4a7c15L;

  private LogIds() {}

  /** The id of the {@code index}-th log record of the record seeded {@code seed}. */
  public static long id(long seed, int index) {
    return mix64(seed + (index + 1L) * GAMMA);
  }

  /**
   * A seed for the Kafka record at {@code partition} and {@code offset}: distinct offsets of one
   * partition give distinct seeds; across partitions a clash is as unlikely as any 64-bit collision.
   */
  public static long seed(int partition, long offset) {
    return mix64(mix64(partition) ^ offset);
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
