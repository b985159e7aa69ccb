package dev.vigil.query.issues;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.storage.clickhouse.read.CountBucket;
import dev.vigil.storage.clickhouse.read.TagKeySummary;
import java.time.Instant;
import java.util.List;

/**
 * An issue with everything its page shows: counts over all stored events, hourly counts of the last
 * 24 hours ({@code stats}), daily counts of the last 30 days ({@code dailyStats}), the most common
 * values of the main tags, and the grouping inputs that explain why its events belong together.
 */
public record IssueDetail(
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
    Instant resolvedAt,
    String resolvedInRelease,
    Instant regressedAt,
    boolean isRegressed,
    long count,
    long userCount,
    List<CountBucket> stats,
    List<CountBucket> dailyStats,
    List<TagKeySummary> tags,
    String groupingConfig,
    JsonNode groupingComponents) {}
