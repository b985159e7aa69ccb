package dev.vigil.storage.clickhouse.read.traces;

/** Where a trace sits in search results (newest first): its first matching span's time, then its id. */
public record TracePosition(long timestampNanos, String traceId) {}
