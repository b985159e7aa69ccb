package dev.vigil.query.sentryapi.issues;

import dev.vigil.query.sentryapi.common.SentryShapes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An issue ("group") in the shape of Sentry's group serializer: string ids, {@code count} as a
 * string, {@code userCount} as a number, {@code stats} keyed by period with {@code [epochSeconds,
 * count]} pairs. Fields Vigil has no notion of (assignment, bookmarks, subscriptions) carry Sentry's
 * empty values so that tools reading them find the type they expect.
 */
record SentryIssueJson(
    String id,
    String shortId,
    String title,
    String culprit,
    String permalink,
    String logger,
    String level,
    String status,
    Map<String, Object> statusDetails,
    String substatus,
    boolean isPublic,
    String platform,
    SentryShapes.ProjectRef project,
    String type,
    Map<String, String> metadata,
    int numComments,
    Object assignedTo,
    boolean isBookmarked,
    boolean isSubscribed,
    boolean hasSeen,
    List<Object> annotations,
    String issueType,
    String issueCategory,
    boolean isUnhandled,
    String count,
    long userCount,
    Instant firstSeen,
    Instant lastSeen,
    Map<String, List<long[]>> stats) {}
