package dev.vigil.query.prometheus;

import dev.vigil.promql.ast.Expr;
import java.time.Duration;
import java.time.Instant;

/**
 * A parsed, validated PromQL query of {@code /query} (start = end, step null) or {@code /query_range}.
 *
 * @param timeout the client's {@code timeout}, or null
 * @param lookbackDelta the client's {@code lookback_delta}, or null for the engine's default (5m)
 */
public record PromqlRequest(
    String query, Expr expr, Instant start, Instant end, Duration step, Duration timeout, Duration lookbackDelta) {

  public boolean isRange() {
    return step != null;
  }
}
