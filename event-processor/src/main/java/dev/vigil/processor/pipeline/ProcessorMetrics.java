package dev.vigil.processor.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Set;

/** The event-processor's counters, exported by Micrometer as {@code vigil_*_total}. */
@Singleton
public final class ProcessorMetrics {

  // Item types come from SDKs; anything outside Sentry's list is counted as "other" to bound the tag's cardinality.
  private static final Set<String> KNOWN_ITEM_TYPES =
      Set.of("event", "transaction", "attachment", "session", "sessions", "client_report", "check_in",
          "user_report", "feedback", "profile", "profile_chunk", "replay_event", "replay_recording",
          "replay_video", "statsd", "metric_buckets", "span", "log", "otel_log");

  private final MeterRegistry registry;
  private final Counter eventsProcessed;
  private final Counter deadLettered;
  private final Counter issuesCreated;
  private final Counter issuesRegressed;
  private final Counter invalidTransactions;

  ProcessorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.eventsProcessed = Counter.builder("vigil.events.processed")
        .description("Events stored in ClickHouse and recorded against their issue").register(registry);
    this.deadLettered = Counter.builder("vigil.events.dead.lettered")
        .description("Records sent to the dead-letter topic").register(registry);
    this.issuesCreated = Counter.builder("vigil.issues.created")
        .description("New issues").register(registry);
    this.issuesRegressed = Counter.builder("vigil.issues.regressed")
        .description("Resolved issues reopened by a new event").register(registry);
    this.invalidTransactions = Counter.builder("vigil.transactions.invalid")
        .description("Sentry transaction items skipped because they could not become spans").register(registry);
  }

  public void item(String type) {
    String tag = KNOWN_ITEM_TYPES.contains(type) ? type : "other";
    registry.counter("vigil.envelope.items", "type", tag).increment();
  }

  public void processed(int events) {
    eventsProcessed.increment(events);
  }

  public void deadLettered() {
    deadLettered.increment();
  }

  public void created() {
    issuesCreated.increment();
  }

  public void regressed() {
    issuesRegressed.increment();
  }

  public void invalidTransaction() {
    invalidTransactions.increment();
  }

  /** Telemetry rows stored in ClickHouse, by signal ("spans", "logs", "samples") and source ("otlp", "sentry"). */
  public void stored(String signal, String source, int rows) {
    registry.counter("vigil.telemetry.stored", "signal", signal, "source", source).increment(rows);
  }

  /** An OTLP record sent to the OTLP dead-letter topic, by signal. */
  public void otlpDeadLettered(String signal) {
    registry.counter("vigil.otlp.dead.lettered", "signal", signal).increment();
  }
}
