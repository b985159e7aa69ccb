package dev.vigil.storage.clickhouse.read;

/** Distinct events in the bucket starting at {@code t} (epoch seconds, UTC). */
public record CountBucket(long t, long count) {}
