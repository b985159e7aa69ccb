package dev.vigil.query.issues;

import java.time.Instant;
import java.util.Set;

/**
 * What the issue list asks for, already validated.
 *
 * @param statuses wire names of the statuses to keep; null keeps all
 * @param text searched in title, culprit and event messages; null for none
 */
public record IssueFilter(
    long projectId,
    Set<String> statuses,
    String level,
    String environment,
    String release,
    String text,
    Instant start,
    Instant end,
    IssueSort sort,
    int limit,
    ListCursor cursor) {}
