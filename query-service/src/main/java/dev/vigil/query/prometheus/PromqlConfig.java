package dev.vigil.query.prometheus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bounds of PromQL evaluation per query: what keeps one query from taking the service's memory or time. */
@ConfigMapping(prefix = "vigil.promql")
public interface PromqlConfig {

  /** Most series one query may select (all its selectors together). */
  @WithDefault("50000")
  int maxSeries();

  /** Most samples one query may load (all selectors together; 16 bytes each in memory), and points it may produce. */
  @WithDefault("10000000")
  long maxSamples();

  /** Longest a query may run; a client's {@code timeout} parameter may only shorten it (Prometheus's -query.timeout). */
  @WithDefault("2m")
  Duration timeout();

  /**
   * Most queries evaluated at once (Prometheus's --query.max-concurrency); more wait for a turn until
   * their timeout. Bounds the memory all queries together may hold.
   */
  @WithDefault("8")
  int maxConcurrency();

  /** How far back an instant selector looks for a sample, unless the request says {@code lookback_delta}. */
  @WithDefault("5m")
  Duration lookbackDelta();
}
