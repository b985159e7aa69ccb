package dev.vigil.storage.clickhouse.read.services;

/**
 * Rate, errors and duration of one service or operation over a time range, computed on entry spans.
 *
 * @param requestRate entry spans per second over the whole range
 * @param errorRate fraction (0-1) of entry spans with status error
 */
public record RedFigures(
    String name, long spanCount, long errorCount, double requestRate, double errorRate, double p50Ms, double p95Ms, double p99Ms) {}
