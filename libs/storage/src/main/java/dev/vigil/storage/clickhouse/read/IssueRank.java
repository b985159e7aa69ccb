package dev.vigil.storage.clickhouse.read;

/** Counts an issue list can be ranked by in ClickHouse, each descending. */
public enum IssueRank {
  /** Distinct events in the range. */
  EVENTS("event_count"),
  /** Distinct known users in the range. */
  USERS("user_count");

  final String column;

  IssueRank(String column) {
    this.column = column;
  }

  /** Where the previous chunk ended: its last issue's count and id. */
  public record After(long count, long issueId) {}
}
