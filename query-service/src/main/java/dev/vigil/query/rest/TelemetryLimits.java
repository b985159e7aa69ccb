package dev.vigil.query.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bounds of the telemetry queries (traces, services, logs, metric catalogue), so no request scans without limit. */
@ConfigMapping(prefix = "vigil.query")
public interface TelemetryLimits {

  /** Widest {@code from}..{@code to} range a request may ask for. */
  @WithDefault("P7D")
  Duration maxRange();

  /** Most spans returned for one trace; larger traces are cut and flagged {@code truncated}. */
  @WithDefault("10000")
  int maxTraceSpans();
}
