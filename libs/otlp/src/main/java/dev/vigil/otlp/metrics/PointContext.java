package dev.vigil.otlp.metrics;

/** What converting the points of one resource and scope needs. */
record PointContext(BatchCollector out, PointLabels labels, CumulativeState state, long fallbackNanos) {

  /** The point's time, or the fallback when the SDK sent none. */
  long timeOf(long timeUnixNanos) {
    return timeUnixNanos != 0 ? timeUnixNanos : fallbackNanos;
  }

  static boolean noRecordedValue(int flags) {
    return (flags & io.opentelemetry.proto.metrics.v1.DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE) != 0;
  }
}
