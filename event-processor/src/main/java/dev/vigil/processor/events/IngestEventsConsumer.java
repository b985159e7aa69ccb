package dev.vigil.processor.events;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.processor.pipeline.DeadLetters;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.KnownProjects;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.RecordInserts;
import dev.vigil.processor.pipeline.RecordRows;
import dev.vigil.processor.pipeline.Retrying;
import dev.vigil.storage.SpanWriter;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes batches of Sentry envelopes, records their events against issues in PostgreSQL and
 * stores them in ClickHouse, and stores the spans of their transactions. The batch is acknowledged
 * (and its offsets committed by the throttled commit strategy) only when this method returns, which
 * it does only after every record is stored or on the dead-letter topic: a record that cannot be
 * processed, and one whose rows ClickHouse refuses, go there with the reason.
 *
 * <p>The method is {@code @Blocking}: the ClickHouse driver is blocking, and a worker thread may wait
 * out an outage with backoff, which also stops consumption. Hibernate Reactive needs a Vert.x
 * context, so PostgreSQL calls go through {@link VertxContextSupport#subscribeAndAwait}.
 */
@ApplicationScoped
public class IngestEventsConsumer {

  static final String CHANNEL = "ingest-events";
  static final String DLQ_CHANNEL = "ingest-events-dlq";

  private final RecordProcessor processor;
  private final DeadLetters deadLetters;
  private final KnownProjects projects;
  private final IssueEvents events;
  private final SpanWriter spans;
  private final RecordInserts inserts;
  private final Retrying retrying;
  private final ProcessorMetrics metrics;

  IngestEventsConsumer(RecordProcessor processor, @Channel(DLQ_CHANNEL) MutinyEmitter<byte[]> deadLetters,
      KnownProjects projects, IssueEvents events, SpanWriter spans, RecordInserts inserts, Retrying retrying,
      ProcessorMetrics metrics) {
    this.processor = processor;
    this.deadLetters = new DeadLetters(deadLetters);
    this.projects = projects;
    this.events = events;
    this.spans = spans;
    this.inserts = inserts;
    this.retrying = retrying;
    this.metrics = metrics;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    List<IngestRecord> records = IngestRecord.all(batch);
    Map<Long, String> slugs = projects.slugs(records.stream()
        .map(r -> r.longHeader(IngestHeaders.PROJECT_ID)).filter(Objects::nonNull).toList());
    List<RecordOutcome> outcomes = records.stream().map(r -> processor.process(r, slugs)).toList();
    deadLetter(outcomes.stream().filter(RecordOutcome::deadLettered).map(RecordOutcome::asDeadLetter).toList());

    List<DeadLetters.DeadLetter> refused = new ArrayList<>();
    List<RecordRows<List<RecordOutcome.Grouped>>> grouped = distinctEvents(outcomes);
    if (!grouped.isEmpty()) {
      refused.addAll(events.store(records, grouped));
    }
    // A record set aside for its events is set aside whole: replaying it later stores its spans once.
    Set<String> setAside = new HashSet<>();
    refused.forEach(r -> setAside.add(r.record().origin()));
    List<RecordRows<List<Span>>> rows = distinctSpans(outcomes, setAside);
    if (!rows.isEmpty()) {
      // Another table, so its own token: the events' token must not make ClickHouse drop the spans.
      RecordInserts.Result<List<Span>> stored = inserts.insert(records, rows, RecordInserts::concat, spans::insert,
          ":spans", s -> s.size() + " transaction spans");
      refused.addAll(stored.refused());
      metrics.stored("spans", "sentry", stored.stored().stream().mapToInt(r -> r.rows().size()).sum());
    }
    deadLetter(refused);
  }

  private void deadLetter(List<DeadLetters.DeadLetter> letters) {
    retrying.untilSuccess("dead-lettering " + letters.size() + " records", () -> {
      deadLetters.send(letters);
      return null;
    });
    letters.forEach(r -> metrics.deadLettered());
  }

  /** A transaction sent twice in one batch (an SDK retry) is stored once; across batches the table collapses it. */
  private static List<RecordRows<List<Span>>> distinctSpans(List<RecordOutcome> outcomes, Set<String> setAside) {
    Set<String> seen = new HashSet<>();
    List<RecordRows<List<Span>>> distinct = new ArrayList<>();
    for (RecordOutcome o : outcomes) {
      if (setAside.contains(o.record().origin())) {
        continue;
      }
      List<Span> own = o.spans().stream().filter(s -> seen.add(s.projectId() + "/" + s.traceId() + "/" + s.spanId())).toList();
      if (!own.isEmpty()) {
        distinct.add(new RecordRows<>(o.record(), own));
      }
    }
    return distinct;
  }

  /** The same event sent twice (an SDK retry, a replayed record) is stored and counted once per batch. */
  private static List<RecordRows<List<RecordOutcome.Grouped>>> distinctEvents(List<RecordOutcome> outcomes) {
    Set<String> seen = new HashSet<>();
    List<RecordRows<List<RecordOutcome.Grouped>>> distinct = new ArrayList<>();
    for (RecordOutcome o : outcomes) {
      List<RecordOutcome.Grouped> own = o.events().stream()
          .filter(g -> seen.add(g.event().projectId() + "/" + g.event().eventId())).toList();
      if (!own.isEmpty()) {
        distinct.add(new RecordRows<>(o.record(), own));
      }
    }
    return distinct;
  }
}
