package dev.vigil.query.traces.rest;

import dev.vigil.storage.clickhouse.read.traces.TraceSummary;
import java.time.Instant;
import java.util.List;

/** A trace in search results. */
public record TraceSummaryJson(
    String traceId,
    String rootService,
    String rootName,
    Instant start,
    double durationMs,
    long spanCount,
    long errorSpanCount,
    List<String> services) {

  static TraceSummaryJson of(TraceSummary s) {
    return new TraceSummaryJson(
        s.traceId(), s.rootService(), s.rootName(), s.start(), s.durationNanos() / 1e6, s.spanCount(), s.errorSpanCount(), s.services());
  }
}
