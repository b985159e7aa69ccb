package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.engine.PromqlException;
import dev.vigil.promql.engine.QueryLimitException;
import java.time.Duration;
import java.time.Instant;

/**
 * The limits one PromQL query's reads run under: at most {@code maxSeries} series and {@code maxSamples}
 * samples per selector (the engine also bounds their sum over the query), and an optional deadline that
 * both ClickHouse ({@code max_execution_time}) and the reading loop enforce.
 */
record SelectionBudget(int maxSeries, long maxSamples, Instant deadline) {

  /** ClickHouse's TIMEOUT_EXCEEDED. */
  static final int TIMEOUT_EXCEEDED = 159;

  QueryLimitException tooManySeries() {
    return new QueryLimitException("query selects more than " + maxSeries + " series (limit maxSeries)");
  }

  QueryLimitException tooManySamples() {
    return new QueryLimitException(
        "query processing would load too many samples into memory (more than " + maxSamples + ", limit maxSamples)");
  }

  static PromqlException timedOut() {
    return new PromqlException("timeout", "query timed out in expression evaluation");
  }

  /** Throws the timeout error once the deadline has passed. */
  void checkDeadline() {
    if (deadline != null && !Instant.now().isBefore(deadline)) {
      throw timedOut();
    }
  }

  /** A SETTINGS clause bounding the statement's run time by the time left (whole seconds, at least 1). */
  String settings() {
    if (deadline == null) {
      return "";
    }
    checkDeadline();
    long millis = Duration.between(Instant.now(), deadline).toMillis();
    return " SETTINGS max_execution_time = " + Math.max(1, (millis + 999) / 1000);
  }
}
