package dev.vigil.query.traces.rest;

import dev.vigil.query.logs.rest.LogJson;
import java.time.Instant;
import java.util.List;

/** One trace: its spans (depth-first), the errors raised in it and the logs written during it. */
public record TraceDetailJson(
    String traceId,
    Instant start,
    Instant end,
    double durationMs,
    List<String> services,
    int spanCount,
    boolean truncated,
    List<SpanJson> spans,
    List<TraceErrorJson> errors,
    List<LogJson> logs) {}
