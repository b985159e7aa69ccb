package dev.vigil.processor.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Set;

/** The event-processor's counters, exported by Micrometer as {@code vigil_*_total}. */
@Singleton
final class ProcessorMetrics {

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
  }

  void item(String type) {
    String tag = KNOWN_ITEM_TYPES.contains(type) ? type : "other";
    registry.counter("vigil.envelope.items", "type", tag).increment();
  }

  void processed(int events) {
    eventsProcessed.increment(events);
  }

  void deadLettered() {
    deadLettered.increment();
  }

  void created() {
    issuesCreated.increment();
  }

  void regressed() {
    issuesRegressed.increment();
  }
}
