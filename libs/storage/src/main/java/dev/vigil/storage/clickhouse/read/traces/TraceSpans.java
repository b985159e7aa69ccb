package dev.vigil.storage.clickhouse.read.traces;

import dev.vigil.domain.telemetry.Span;
import java.time.Instant;
import java.util.List;

/**
 * The stored spans of one trace, by start time, with the trace's window from the trace index;
 * {@code truncated} when the trace has more spans than were read.
 */
public record TraceSpans(String traceId, Instant start, Instant end, List<Span> spans, boolean truncated) {

  public TraceSpans {
    spans = List.copyOf(spans);
  }
}
