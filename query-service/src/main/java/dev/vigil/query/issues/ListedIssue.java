package dev.vigil.query.issues;

import dev.vigil.state.issues.IssueEntity;
import dev.vigil.storage.clickhouse.read.IssueAggregate;

/** An issue kept for the list: its PostgreSQL row, its counts in the range and its sort key. */
record ListedIssue(IssueEntity issue, IssueAggregate aggregate, long key) {

  ListCursor cursor(IssueSort sort) {
    return new ListCursor(sort, key, issue.id);
  }
}
