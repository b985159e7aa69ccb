package dev.vigil.processor.events;

import dev.vigil.domain.Event;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.processor.pipeline.DeadLetters;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.sentry.grouping.GroupingResult;
import java.util.List;

/**
 * What one record yielded: its events with their grouping and the spans of its transactions, or why
 * it must be dead-lettered.
 *
 * @param deadLetterReason null when the record was processed
 */
record RecordOutcome(IngestRecord record, List<Grouped> events, List<Span> spans, String deadLetterReason) {

  /** An event with the grouping decided for it. */
  record Grouped(Event event, GroupingResult grouping) {}

  static RecordOutcome processed(IngestRecord record, List<Grouped> events, List<Span> spans) {
    return new RecordOutcome(record, List.copyOf(events), List.copyOf(spans), null);
  }

  static RecordOutcome deadLetter(IngestRecord record, String reason) {
    return new RecordOutcome(record, List.of(), List.of(), reason);
  }

  boolean deadLettered() {
    return deadLetterReason != null;
  }

  DeadLetters.DeadLetter asDeadLetter() {
    return new DeadLetters.DeadLetter(record, deadLetterReason);
  }
}
