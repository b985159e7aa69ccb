package dev.vigil.storage.clickhouse.read;

import java.time.Instant;

/** How many distinct events carried a tag value, and when it was first and last seen. */
public record TagValueCount(String value, long count, Instant firstSeen, Instant lastSeen) {}
