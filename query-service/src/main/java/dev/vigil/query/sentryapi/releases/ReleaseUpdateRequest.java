package dev.vigil.query.sentryapi.releases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code PUT .../releases/{version}/}: finalize (dateReleased), set-commits (refs or commits), url,
 * more projects.
 */
record ReleaseUpdateRequest(
    String ref, String url, Instant dateReleased, List<String> projects, List<RefJson> refs, List<CommitJson> commits, String status) {

  /** A repository's head commit (set-commits --commit repo@sha, or --auto). */
  record RefJson(String repository, String commit, String previousCommit) {}

  /** A commit as sentry-cli sends it with set-commits --local. */
  record CommitJson(String id, String repository, String author_name, String author_email, String message, OffsetDateTime timestamp) {}
}
