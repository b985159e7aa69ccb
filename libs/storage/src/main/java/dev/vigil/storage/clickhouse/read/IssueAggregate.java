package dev.vigil.storage.clickhouse.read;

import java.time.Instant;

/**
 * What ClickHouse knows about one issue within a query's range.
 *
 * @param count distinct events
 * @param userCount distinct known users (events without a user key are not counted)
 * @param messageMatch whether some event's message contains the searched text (false when no text)
 */
public record IssueAggregate(
    long issueId, long count, long userCount, Instant firstSeen, Instant lastSeen, boolean messageMatch) {}
