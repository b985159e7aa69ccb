package dev.vigil.processor.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ClickHouse insert deduplication token of a batch: a hash of the topic and, per partition, the
 * first and last offset. Re-consuming the same records after a crash before the commit yields the
 * same token, so ClickHouse drops the replayed insert.
 */
public final class DeduplicationToken {

  private DeduplicationToken() {}

  public static String of(List<IngestRecord> records) {
    Map<String, long[]> ranges = new TreeMap<>();
    for (IngestRecord r : records) {
      ranges.merge(
          r.topic() + "-" + r.partition(),
          new long[] {r.offset(), r.offset()},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    StringBuilder text = new StringBuilder();
    ranges.forEach((tp, range) -> text.append(tp).append(':').append(range[0]).append('-').append(range[1]).append(';'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
