package dev.vigil.state.issues;

/**
 * The result of recording events for an issue.
 *
 * @param created the events opened a new issue (true for exactly one writer, even under races)
 * @param regressed the events reopened a resolved issue (true for exactly one writer)
 * @param version the version of the issue row this write left (see {@link IssueUpserts#deleteUnchanged})
 */
public record IssueOutcome(long issueId, boolean created, boolean regressed, long version) {}
