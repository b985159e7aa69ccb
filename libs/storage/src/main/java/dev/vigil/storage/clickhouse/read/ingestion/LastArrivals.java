package dev.vigil.storage.clickhouse.read.ingestion;

import java.time.Instant;

/** The newest stored timestamp of each signal of a project; null where none was stored in the window. */
public record LastArrivals(Instant lastEvent, Instant lastSpan, Instant lastLog, Instant lastMetric) {}
