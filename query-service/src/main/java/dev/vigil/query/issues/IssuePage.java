package dev.vigil.query.issues;

import java.time.Instant;
import java.util.List;

/**
 * A page of the issue list.
 *
 * @param statsPeriod width of each stats bucket: "hour" (last 24 hours of the range) or "day"
 *     (whole range, when it spans more than two days)
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record IssuePage(
    List<IssueSummary> issues, String nextCursor, String statsPeriod, Instant start, Instant end) {}
