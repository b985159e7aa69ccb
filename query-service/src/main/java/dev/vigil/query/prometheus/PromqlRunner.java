package dev.vigil.query.prometheus;

import dev.vigil.promql.engine.Deadline;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.PromqlException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.metrics.ClickHouseSeriesSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Evaluates a project's PromQL queries over its samples in ClickHouse and renders Prometheus's answer.
 * Each query gets its own {@link ClickHouseSeriesSource} carrying the limits and the deadline (the
 * configured timeout, shortened by the client's {@code timeout}); the engine stops at the same
 * deadline. Engine errors become Prometheus's
 * error answers: {@code bad_data} 400, {@code execution} 422 (limits included), {@code timeout} 503.
 * Blocks on ClickHouse: call it off the event loop.
 */
@ApplicationScoped
public class PromqlRunner {

  private final ClickHouseStorage storage;
  private final PromqlConfig config;
  private final QueryTurns turns;

  PromqlRunner(ClickHouseStorage storage, PromqlConfig config) {
    this.storage = storage;
    this.config = config;
    this.turns = new QueryTurns(config.maxConcurrency());
  }

  /** Runs an instant ({@code step == null}) or range query; {@code limit} caps the series returned. */
  public PromResponse.Success run(long projectId, PromqlRequest request, int limit) {
    Duration lookback = request.lookbackDelta() != null && !request.lookbackDelta().isZero() && !request.lookbackDelta().isNegative()
        ? request.lookbackDelta() : config.lookbackDelta();
    EngineOptions options =
        new EngineOptions(lookback, EngineOptions.defaults().defaultSubqueryStep(), config.maxSeries(), config.maxSamples());
    Instant deadline = deadline(request.timeout());
    turns.acquire(deadline);
    try {
      Engine engine = new Engine(new ClickHouseSeriesSource(storage, projectId, options, deadline), options, Deadline.at(deadline));
      PromqlResults.Rendered rendered;
      if (request.isRange()) {
        rendered = PromqlResults.matrix(
            engine.rangeQuery(request.expr(), millis(request.start()), millis(request.end()), request.step().toMillis()), limit);
      } else {
        long time = millis(request.start());
        rendered = PromqlResults.instant(engine.instantQuery(request.expr(), time), time, limit);
      }
      return PromResponse.success(rendered.data(), rendered.warnings());
    } catch (PromqlException e) {
      throw new PromApiException(status(e.errorType()), e.errorType(), e.getMessage());
    } finally {
      turns.release();
    }
  }

  private Instant deadline(Duration requested) {
    Duration timeout = config.timeout();
    if (requested != null && !requested.isZero() && !requested.isNegative() && requested.compareTo(timeout) < 0) {
      timeout = requested;
    }
    return Instant.now().plus(timeout);
  }

  /** The HTTP status Prometheus answers an error type with. */
  static int status(String errorType) {
    return switch (errorType) {
      case "bad_data" -> 400;
      case "execution" -> 422;
      case "timeout" -> 503;
      case "canceled" -> 499;
      case "not_found" -> 404;
      default -> 500;
    };
  }

  private static long millis(Instant t) {
    return t.toEpochMilli();
  }
}
