package dev.vigil.state.issues;

import java.time.Instant;

/**
 * A comment on an issue.
 *
 * @param userId the user who wrote it, or null (organization token, admin token, or a removed user)
 * @param tokenId the API token it was written with, or null
 */
public record IssueComment(long id, long issueId, Long userId, Long tokenId, String text, Instant createdAt) {}
