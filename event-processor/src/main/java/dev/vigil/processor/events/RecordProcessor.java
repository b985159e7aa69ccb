package dev.vigil.processor.events;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.domain.Event;
import dev.vigil.sentry.envelope.Envelope;
import dev.vigil.sentry.envelope.EnvelopeItem;
import dev.vigil.sentry.envelope.EnvelopeParser;
import dev.vigil.sentry.envelope.InvalidEnvelopeException;
import dev.vigil.sentry.event.EventNormalizer;
import dev.vigil.sentry.event.InvalidEventException;
import dev.vigil.sentry.grouping.Grouper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one Kafka record into grouped events: headers, envelope, then for each {@code event} item
 * normalization and grouping. Never throws for bad input; it reports a dead-letter reason instead,
 * so that one bad record cannot stop its batch.
 */
final class RecordProcessor {

  private final EventNormalizer normalizer;
  private final Grouper grouper;
  private final ProcessorMetrics metrics;

  RecordProcessor(EventNormalizer normalizer, Grouper grouper, ProcessorMetrics metrics) {
    this.normalizer = normalizer;
    this.grouper = grouper;
    this.metrics = metrics;
  }

  RecordOutcome process(IngestRecord record) {
    Long projectId = parseLong(record.header(IngestHeaders.PROJECT_ID));
    if (projectId == null) {
      return RecordOutcome.deadLetter(record, "missing or invalid header " + IngestHeaders.PROJECT_ID);
    }
    Long receivedMillis = parseLong(record.header(IngestHeaders.RECEIVED_AT));
    Instant receivedAt = Instant.ofEpochMilli(receivedMillis != null ? receivedMillis : record.timestamp());
    String clientAddress = record.header(IngestHeaders.CLIENT_ADDRESS);
    if (record.value() == null) {
      return RecordOutcome.deadLetter(record, "empty record");
    }
    try {
      Envelope envelope = EnvelopeParser.parse(record.value());
      List<RecordOutcome.Grouped> events = new ArrayList<>();
      for (EnvelopeItem item : envelope.items()) {
        metrics.item(item.type());
        if ("event".equals(item.type())) {
          Event event = normalizer.normalize(item.payload(), projectId, receivedAt, clientAddress);
          events.add(new RecordOutcome.Grouped(event, grouper.group(event)));
        }
        // transaction items stay on the topic for the tracing consumer; other types are only counted.
      }
      return RecordOutcome.processed(record, events);
    } catch (InvalidEnvelopeException e) {
      return RecordOutcome.deadLetter(record, "invalid envelope: " + e.getMessage());
    } catch (InvalidEventException e) {
      return RecordOutcome.deadLetter(record, "invalid event: " + e.getMessage());
    } catch (RuntimeException e) {
      // A bug triggered by this payload: keep the record for analysis rather than block the partition.
      return RecordOutcome.deadLetter(record, "processing failed: " + e);
    }
  }

  private static Long parseLong(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
