package dev.vigil.state.issues;

import java.time.Instant;

/**
 * What a batch of events says about one issue: all events of the batch with the same project and
 * grouping hash, folded together (earliest and latest timestamp, release of the latest event).
 */
public record IssueCandidate(
    long projectId,
    String groupingHash,
    String title,
    String culprit,
    String type,
    String level,
    String platform,
    Instant firstSeen,
    Instant lastSeen,
    String release,
    String groupingConfig,
    String groupingComponentsJson) {}
