package dev.vigil.query.traces.rest;

import java.time.Instant;
import java.util.List;

/** A page of trace search results; {@code nextCursor} is null on the last page. */
public record TracePage(List<TraceSummaryJson> traces, String nextCursor, Instant from, Instant to) {}
