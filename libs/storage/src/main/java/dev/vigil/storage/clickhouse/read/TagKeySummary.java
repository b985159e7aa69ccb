package dev.vigil.storage.clickhouse.read;

import java.util.List;

/**
 * A tag key of an issue's events.
 *
 * @param totalValues events that carry the key
 * @param uniqueValues distinct values of the key
 * @param topValues the most frequent values, most frequent first
 */
public record TagKeySummary(String key, long totalValues, long uniqueValues, List<TagValueCount> topValues) {}
