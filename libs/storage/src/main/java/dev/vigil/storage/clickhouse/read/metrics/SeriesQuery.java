package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.ast.LabelMatcher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** One selector's read: a project's series that match, with their samples in {@code [minTime, maxTime]} (Unix ms). */
record SeriesQuery(long projectId, List<LabelMatcher> matchers, long minTime, long maxTime) {

  // The range of ClickHouse's Date type, which the catalogue's day column has.
  private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2149, 6, 6);

  /** Whether the window can hold stored samples at all (Date starts in 1970). */
  boolean canMatch() {
    return maxTime >= 0 && minTime <= maxTime;
  }

  /**
   * Appends the catalogue condition: the project, the UTC days the window touches (the catalogue has a
   * row per series and day it had samples), and the matchers.
   */
  void appendCatalogueCondition(StringBuilder sql, List<Object> params) {
    sql.append("project_id = ? AND date >= toDate(?) AND date <= toDate(?)");
    params.add(projectId);
    params.add(day(minTime).toString());
    params.add(day(maxTime).toString());
    MatcherConditions.append(sql, params, matchers);
  }

  private static LocalDate day(long millis) {
    LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    return day.isBefore(FIRST_DAY) ? FIRST_DAY : day.isAfter(LAST_DAY) ? LAST_DAY : day;
  }
}
