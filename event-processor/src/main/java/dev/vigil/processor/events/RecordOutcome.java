package dev.vigil.processor.events;

import dev.vigil.domain.Event;
import dev.vigil.sentry.grouping.GroupingResult;
import java.util.List;

/**
 * What one record yielded: its events with their grouping, or why it must be dead-lettered.
 *
 * @param deadLetterReason null when the record was processed
 */
record RecordOutcome(IngestRecord record, List<Grouped> events, String deadLetterReason) {

  /** An event with the grouping decided for it. */
  record Grouped(Event event, GroupingResult grouping) {}

  static RecordOutcome processed(IngestRecord record, List<Grouped> events) {
    return new RecordOutcome(record, List.copyOf(events), null);
  }

  static RecordOutcome deadLetter(IngestRecord record, String reason) {
    return new RecordOutcome(record, List.of(), reason);
  }

  boolean deadLettered() {
    return deadLetterReason != null;
  }
}
