package dev.vigil.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * alert-service's own metrics on {@code /q/metrics}, so that the alerter can be alerted on: whether this
 * replica leads, how long rule groups take and how often they fail, and what channels answered.
 * Tags are bounded (a result, a channel type, an outcome), never a rule or project name.
 */
@Singleton
public final class AlertingMetrics {

  private final MeterRegistry registry;

  AlertingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Reports 1 while {@code leading} is true. */
  public void leader(BooleanSupplier leading) {
    Gauge.builder("vigil.alerting.leader", () -> leading.getAsBoolean() ? 1 : 0)
        .description("1 while this replica holds the evaluator lease")
        .register(registry);
  }

  /** One evaluation of a rule group (or an error rule) and whether it failed. */
  public void evaluation(String kind, Duration took, boolean failed) {
    Timer.builder("vigil.alerting.evaluation.duration")
        .description("Time to evaluate a rule group or an error rule")
        .tags("kind", kind, "result", failed ? "error" : "ok")
        .register(registry)
        .record(took);
  }

  /** One delivery attempt: sent, retried later, or failed for good. */
  public void delivery(String channelType, String outcome) {
    registry.counter("vigil.alerting.deliveries", "channel_type", channelType, "outcome", outcome).increment();
  }
}
