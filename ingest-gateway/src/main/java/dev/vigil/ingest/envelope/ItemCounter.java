package dev.vigil.ingest.envelope;

import dev.vigil.sentry.envelope.Envelope;
import dev.vigil.sentry.envelope.EnvelopeItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts accepted items by type as {@code vigil_ingest_items_total{type}}. Types outside the known
 * set count as "other": the type is client input, and each distinct tag value is a time series.
 */
@ApplicationScoped
public class ItemCounter {

  static final Set<String> KNOWN_TYPES =
      Set.of(
          "event", "transaction", "attachment", "session", "sessions", "client_report", "check_in",
          "user_report", "feedback", "profile", "profile_chunk", "replay_event", "replay_recording",
          "replay_video", "statsd", "metric_buckets", "span", "otel_span", "log", "otel_log",
          "security", "raw_security", "nel", "unreal_report", "form_data");

  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

  @Inject MeterRegistry registry;

  void count(Envelope envelope) {
    for (EnvelopeItem item : envelope.items()) {
      count(item.type());
    }
  }

  void count(String type) {
    String tag = KNOWN_TYPES.contains(type) ? type : "other";
    counters.computeIfAbsent(tag, t -> Counter.builder("vigil.ingest.items").tag("type", t)
        .description("Envelope items accepted, by item type").register(registry)).increment();
  }
}
