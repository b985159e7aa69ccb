package dev.vigil.promql.engine;

/**
 * Prometheus's staleness marker: a specific NaN bit pattern written when a series disappears, so
 * an instant selector stops returning the series before the lookback delta runs out.
 */
public final class StaleMarkers {

  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;
  public static final double STALE_NAN = Double.longBitsToDouble(STALE_NAN_BITS);

  private StaleMarkers() {}

  public static boolean isStale(double v) {
    return Double.doubleToRawLongBits(v) == STALE_NAN_BITS;
  }
}
