package dev.vigil.domain.telemetry;

import java.time.Instant;
import java.util.Map;

/** Something that happened at a point in time during a span (an exception, a log-like annotation). */
public record SpanEvent(Instant timestamp, String name, Map<String, String> attributes) {

  public SpanEvent {
    attributes = Map.copyOf(attributes);
  }
}
