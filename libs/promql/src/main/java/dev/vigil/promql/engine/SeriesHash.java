package dev.vigil.promql.engine;

import java.nio.charset.StandardCharsets;

/**
 * Prometheus's series hash ({@code labels.Labels.Hash()}: XXH64, seed 0, over {@code name 0xff value
 * 0xff ...} of the labels sorted by name), used by limit_ratio so the same series are picked as
 * Prometheus would pick them, and by alerting as an alert's fingerprint. Hand-written (about 40 lines)
 * so that this framework-free library needs no hashing dependency.
 */
public final class SeriesHash {

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private SeriesHash() {}

  /** The hash as a fraction of the unsigned 64-bit range, in [0, 1]. */
  static double ratioOffset(Labels labels) {
    long h = hash(labels);
    double unsigned = (double) (h >>> 1) * 2.0 + (h & 1);
    return unsigned / 18446744073709551615.0;
  }

  /** The hash of these labels. */
  public static long of(Labels labels) {
    return hash(labels);
  }

  static long hash(Labels labels) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < labels.size(); i++) {
      b.writeBytes(labels.name(i).getBytes(StandardCharsets.UTF_8));
      b.write(0xff);
      b.writeBytes(labels.value(i).getBytes(StandardCharsets.UTF_8));
      b.write(0xff);
    }
    return xxh64(b.toByteArray());
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
      while (i <= len - 32) {
        v1 = round(v1, le64(in, i));
        v2 = round(v2, le64(in, i + 8));
        v3 = round(v3, le64(in, i + 16));
        v4 = round(v4, le64(in, i + 24));
        i += 32;
      }
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = P5;
    }
    h += len;
    while (i + 8 <= len) {
      h ^= round(0, le64(in, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
      i += 8;
    }
    if (i + 4 <= len) {
      h ^= (le32(in, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    while (i < len) {
      h ^= (in[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      i++;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long round(long acc, long lane) {
    acc += lane * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long merge(long h, long v) {
    h ^= round(0, v);
    return h * P1 + P4;
  }

  private static long le64(byte[] b, int i) {
    long r = 0;
    for (int k = 7; k >= 0; k--) {
      r = (r << 8) | (b[i + k] & 0xFFL);
    }
    return r;
  }

  private static int le32(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }
}
