package dev.vigil.domain;

import java.time.Instant;

/** A group of events that share a grouping hash within a project, with its workflow state. */
public record Issue(
    long id,
    long projectId,
    String groupingHash,
    String title,
    String culprit,
    String type,
    Level level,
    String platform,
    IssueStatus status,
    Instant firstSeen,
    Instant lastSeen,
    String firstRelease,
    String lastRelease) {}
