package dev.vigil.storage;

import dev.vigil.domain.telemetry.Span;
import java.util.List;

/** Write side of trace storage: appends spans (from OTLP and from Sentry transactions) in batches. */
public interface SpanWriter {

  /**
   * Stores the spans as one batch; same contract as {@link EventWriter#insert}: a replay with the same
   * token stores nothing new, and a span stored twice (same project, trace and span id) is collapsed.
   */
  void insert(List<Span> spans, String deduplicationToken);
}
