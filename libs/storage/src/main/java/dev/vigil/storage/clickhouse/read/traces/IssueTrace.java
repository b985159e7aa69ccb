package dev.vigil.storage.clickhouse.read.traces;

import java.time.Instant;

/** A trace in which events of an issue were raised: when first and last, and how many events. */
public record IssueTrace(String traceId, Instant firstSeen, Instant lastSeen, long eventCount) {}
