package dev.vigil.storage.clickhouse.read;

/** A place in an issue's event order (timestamp, then event id): where a page starts or ends. */
public record EventPosition(long timestampNanos, String eventId) {}
