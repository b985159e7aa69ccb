package dev.vigil.query.traces.rest;

import java.time.Instant;

/** A Sentry event raised inside a trace; {@code spanId} lets the UI mark the span it happened in. */
public record TraceErrorJson(
    String eventId,
    long issueId,
    Instant timestamp,
    String level,
    String title,
    String culprit,
    String message,
    String transaction,
    String spanId) {}
