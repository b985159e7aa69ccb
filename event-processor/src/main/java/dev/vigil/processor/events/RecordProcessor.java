package dev.vigil.processor.events;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.domain.Event;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.processor.kubernetes.KubernetesEnrichment;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.sourcemaps.SourceMapSymbolicator;
import dev.vigil.sentry.envelope.Envelope;
import dev.vigil.sentry.envelope.EnvelopeItem;
import dev.vigil.sentry.envelope.EnvelopeParser;
import dev.vigil.sentry.envelope.InvalidEnvelopeException;
import dev.vigil.sentry.event.EventNormalizer;
import dev.vigil.sentry.event.InvalidEventException;
import dev.vigil.sentry.grouping.Grouper;
import dev.vigil.sentry.transaction.TransactionSpans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns one Kafka record into grouped events and spans: headers, envelope, then for each {@code event}
 * item normalization, source maps, the sending pod's Kubernetes metadata and grouping, for each
 * {@code transaction} item its spans (with that metadata too). Never throws for bad input; it reports
 * a dead-letter reason instead, so that one bad record cannot stop its batch.
 */
final class RecordProcessor {

  private static final Logger LOG = Logger.getLogger(RecordProcessor.class);

  private final EventNormalizer normalizer;
  private final SourceMapSymbolicator symbolicator;
  private final Grouper grouper;
  private final TransactionSpans transactions;
  private final ProcessorMetrics metrics;
  private final KubernetesEnrichment kubernetes;

  RecordProcessor(EventNormalizer normalizer, SourceMapSymbolicator symbolicator, Grouper grouper,
      TransactionSpans transactions, ProcessorMetrics metrics, KubernetesEnrichment kubernetes) {
    this.normalizer = normalizer;
    this.symbolicator = symbolicator;
    this.grouper = grouper;
    this.transactions = transactions;
    this.metrics = metrics;
    this.kubernetes = kubernetes;
  }

  /** @param projectSlugs the slugs of the batch's existing projects; a transaction's service is its project's slug */
  RecordOutcome process(IngestRecord record, Map<Long, String> projectSlugs) {
    Long projectId = record.longHeader(IngestHeaders.PROJECT_ID);
    if (projectId == null) {
      return RecordOutcome.deadLetter(record, "missing or invalid header " + IngestHeaders.PROJECT_ID);
    }
    String slug = projectSlugs.get(projectId);
    if (slug == null) {
      return RecordOutcome.deadLetter(record, "unknown project " + projectId);
    }
    Long receivedMillis = record.longHeader(IngestHeaders.RECEIVED_AT);
    Instant receivedAt = Instant.ofEpochMilli(receivedMillis != null ? receivedMillis : record.timestamp());
    String clientAddress = record.header(IngestHeaders.CLIENT_ADDRESS);
    if (record.value() == null) {
      return RecordOutcome.deadLetter(record, "empty record");
    }
    try {
      Envelope envelope = EnvelopeParser.parse(record.value());
      List<RecordOutcome.Grouped> events = new ArrayList<>();
      List<Span> spans = new ArrayList<>();
      for (EnvelopeItem item : envelope.items()) {
        metrics.item(item.type());
        if ("event".equals(item.type())) {
          // Un-minified before grouping: a new build of the same code must land in the same issue.
          Event event = kubernetes.tag(symbolicator.symbolicate(
              normalizer.normalize(item.payload(), projectId, receivedAt, clientAddress)), clientAddress, receivedAt);
          events.add(new RecordOutcome.Grouped(event, grouper.group(event)));
        } else if ("transaction".equals(item.type())) {
          spans.addAll(kubernetes.spans(spans(record, item, projectId, slug), clientAddress, receivedAt));
        }
        // other types (attachments, sessions, client reports, ...) are only counted.
      }
      return RecordOutcome.processed(record, events, spans);
    } catch (InvalidEnvelopeException e) {
      return RecordOutcome.deadLetter(record, "invalid envelope: " + e.getMessage());
    } catch (InvalidEventException e) {
      return RecordOutcome.deadLetter(record, "invalid event: " + e.getMessage());
    } catch (RuntimeException e) {
      // A bug triggered by this payload: keep the record for analysis rather than block the partition.
      return RecordOutcome.deadLetter(record, "processing failed: " + e);
    }
  }

  /**
   * A transaction that cannot become spans is skipped, counted and logged, never dead-lettered: the
   * error events of the same envelope matter more than its performance data.
   */
  private List<Span> spans(IngestRecord record, EnvelopeItem item, long projectId, String slug) {
    try {
      return transactions.toSpans(item.payload(), projectId, slug);
    } catch (RuntimeException e) {
      metrics.invalidTransaction();
      LOG.warnf("skipping a transaction of %s: %s", record.origin(), e.getMessage());
      return List.of();
    }
  }
}
