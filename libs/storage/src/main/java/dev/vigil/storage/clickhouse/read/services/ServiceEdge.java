package dev.vigil.storage.clickhouse.read.services;

/** Calls from spans of {@code parent} to child spans of another service {@code child} in a time range. */
public record ServiceEdge(String parent, String child, long callCount, long errorCount, double p95Ms) {}
