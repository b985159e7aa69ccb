package dev.vigil.otlp.metrics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Series fingerprints computed exactly as Prometheus's {@code labels.Labels.Hash()}: xxHash64 (seed
 * 0) over every label, {@code __name__} included, sorted by name, each written as name, 0xff, value,
 * 0xff in UTF-8. So a fingerprint equals the one a Prometheus server computes for the same series,
 * and ClickHouse's {@code xxHash64} over the same bytes reproduces it.
 */
public final class Fingerprints {

  private static final XXHash64 XXHASH = XXHashFactory.fastestJavaInstance().hash64();
  private static final int SEPARATOR = 0xff;
  private static final String NAME_LABEL = "__name__";

  private Fingerprints() {}

  /** The fingerprint of the series {@code metricName{labels}} ({@code labels} without {@code __name__}). */
  public static long of(String metricName, Map<String, String> labels) {
    List<Map.Entry<String, String>> sorted = new ArrayList<>(labels.size() + 1);
    sorted.add(Map.entry(NAME_LABEL, metricName));
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!label.getKey().equals(NAME_LABEL)) {
        sorted.add(label);
      }
    }
    sorted.sort(Map.Entry.comparingByKey());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * sorted.size());
    for (Map.Entry<String, String> label : sorted) {
      bytes.writeBytes(label.getKey().getBytes(StandardCharsets.UTF_8));
      bytes.write(SEPARATOR);
      bytes.writeBytes(label.getValue().getBytes(StandardCharsets.UTF_8));
      bytes.write(SEPARATOR);
    }
    byte[] buffer = bytes.toByteArray();
    return XXHASH.hash(buffer, 0, buffer.length, 0L);
  }
}
