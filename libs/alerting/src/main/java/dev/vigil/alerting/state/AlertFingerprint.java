package dev.vigil.alerting.state;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert's fingerprint computed as Prometheus's {@code labels.Labels.Hash()}: XXH64 (seed 0) over
 * every label sorted by name, each written as name 0xff value 0xff in UTF-8. It is the identity an
 * alert keeps across evaluations and restarts, so it must never change; equal to the key Prometheus
 * itself uses for the same alert. (libs/otlp and libs/promql carry the same hash; this library
 * depends on neither's internals.)
 */
public final class AlertFingerprint {

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;
  private static final int SEPARATOR = 0xff;

  private AlertFingerprint() {}

  /** The fingerprint of an alert with these labels. */
  public static long of(Map<String, String> labels) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * (labels.size() + 1));
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      bytes.writeBytes(label.getKey().getBytes(StandardCharsets.UTF_8));
      bytes.write(SEPARATOR);
      bytes.writeBytes(label.getValue().getBytes(StandardCharsets.UTF_8));
      bytes.write(SEPARATOR);
    }
    return xxh64(bytes.toByteArray());
  }

  static long xxh64(byte[] in) {
    int len = in.length;
    int i = 0;
    long h;
    if (len >= 32) {
      long v1 = P1 + P2;
      long v2 = P2;
      long v3 = 0;
      long v4 = -P1;
      for (; i <= len - 32; i += 32) {
        v1 = round(v1, lane64(in, i));
        v2 = round(v2, lane64(in, i + 8));
        v3 = round(v3, lane64(in, i + 16));
        v4 = round(v4, lane64(in, i + 24));
      }
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12)
          + Long.rotateLeft(v4, 18);
      h = merge(merge(merge(merge(h, v1), v2), v3), v4);
    } else {
      h = P5;
    }
    h += len;
    for (; i + 8 <= len; i += 8) {
      h ^= round(0, lane64(in, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (i + 4 <= len) {
      h ^= (lane32(in, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    for (; i < len; i++) {
      h ^= (in[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long round(long acc, long lane) {
    return Long.rotateLeft(acc + lane * P2, 31) * P1;
  }

  private static long merge(long h, long v) {
    return (h ^ round(0, v)) * P1 + P4;
  }

  private static long lane64(byte[] b, int i) {
    long r = 0;
    for (int k = 7; k >= 0; k--) {
      r = (r << 8) | (b[i + k] & 0xFFL);
    }
    return r;
  }

  private static int lane32(byte[] b, int i) {
    return (b[i] & 0xFF)
        | (b[i + 1] & 0xFF) << 8
        | (b[i + 2] & 0xFF) << 16
        | (b[i + 3] & 0xFF) << 24;
  }
}
