package dev.vigil.domain.telemetry;

import java.util.Map;

/** A reference from a span to a span of another (or the same) trace, e.g. a batch consumer's inputs. */
public record SpanLink(String traceId, String spanId, String traceState, Map<String, String> attributes) {

  public SpanLink {
    attributes = Map.copyOf(attributes);
  }
}
