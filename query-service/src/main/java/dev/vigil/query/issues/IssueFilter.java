package dev.vigil.query.issues;

import java.time.Instant;
import java.util.Set;

/**
 * What the issue list asks for, already validated.
 *
 * @param statuses wire names of the statuses to keep; null keeps all
 * @param text searched in title, culprit and event messages; null for none
 * @param firstRelease keeps only issues first seen in this release (a release's new issues); null keeps all
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
    ListCursor cursor,
    String firstRelease) {

  /** A filter without a first release. */
  public IssueFilter(
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
      ListCursor cursor) {
    this(projectId, statuses, level, environment, release, text, start, end, sort, limit, cursor, null);
  }
}
