package dev.vigil.storage.clickhouse.read.traces;

import java.time.Instant;
import java.util.List;

/**
 * One trace in search results. The root is the span without a parent, or the earliest span when the
 * root has not arrived (yet). Spans stored twice (Sentry and OTLP) count once.
 */
public record TraceSummary(
    String traceId,
    String rootService,
    String rootName,
    Instant start,
    long durationNanos,
    long spanCount,
    long errorSpanCount,
    List<String> services,
    TracePosition position) {

  public TraceSummary {
    services = List.copyOf(services);
  }
}
