package dev.vigil.query.issues;

import dev.vigil.storage.clickhouse.read.CountBucket;
import java.time.Instant;
import java.util.List;

/**
 * An issue as listed: workflow state from PostgreSQL, counts from ClickHouse.
 *
 * @param count distinct events in the requested range
 * @param userCount distinct known users in the requested range
 * @param stats event counts per bucket (see the list's statsPeriod)
 */
public record IssueSummary(
    long id,
    long projectId,
    String title,
    String culprit,
    String type,
    String level,
    String platform,
    String status,
    Instant firstSeen,
    Instant lastSeen,
    String firstRelease,
    String lastRelease,
    long count,
    long userCount,
    List<CountBucket> stats,
    boolean isNew,
    boolean isRegressed) {}
