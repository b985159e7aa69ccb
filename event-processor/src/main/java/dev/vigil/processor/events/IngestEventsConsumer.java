package dev.vigil.processor.events;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.domain.GroupedEvent;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.processor.pipeline.DeadLetters;
import dev.vigil.processor.pipeline.DeduplicationToken;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.KnownProjects;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.Retrying;
import dev.vigil.state.issues.IssueCandidate;
import dev.vigil.state.issues.IssueOutcome;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.EventWriter;
import dev.vigil.storage.SpanWriter;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes batches of Sentry envelopes, records their events against issues in PostgreSQL and
 * stores them in ClickHouse, and stores the spans of their transactions. The batch is acknowledged (and its offsets committed by the throttled
 * commit strategy) only when this method returns, which it does only after every store succeeded.
 *
 * <p>The method is {@code @Blocking}: the ClickHouse driver is blocking, and a worker thread may wait
 * out an outage with backoff, which also stops consumption. Hibernate Reactive needs a Vert.x
 * context, so PostgreSQL calls go through {@link VertxContextSupport#subscribeAndAwait}.
 */
@ApplicationScoped
public class IngestEventsConsumer {

  static final String CHANNEL = "ingest-events";
  static final String DLQ_CHANNEL = "ingest-events-dlq";
  private static final Logger LOG = Logger.getLogger(IngestEventsConsumer.class);

  private final RecordProcessor processor;
  private final DeadLetters deadLetters;
  private final KnownProjects projects;
  private final IssueUpserts issues;
  private final ImplicitReleases releases;
  private final EventWriter events;
  private final SpanWriter spans;
  private final Retrying retrying;
  private final ProcessorMetrics metrics;

  IngestEventsConsumer(RecordProcessor processor, @Channel(DLQ_CHANNEL) MutinyEmitter<byte[]> deadLetters,
      KnownProjects projects, IssueUpserts issues, ImplicitReleases releases, EventWriter events, SpanWriter spans,
      Retrying retrying, ProcessorMetrics metrics) {
    this.processor = processor;
    this.deadLetters = new DeadLetters(deadLetters);
    this.projects = projects;
    this.issues = issues;
    this.releases = releases;
    this.events = events;
    this.spans = spans;
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

    List<DeadLetters.DeadLetter> rejected =
        outcomes.stream().filter(RecordOutcome::deadLettered).map(RecordOutcome::asDeadLetter).toList();
    retrying.untilSuccess("dead-lettering " + rejected.size() + " records", () -> {
      deadLetters.send(rejected);
      return null;
    });
    rejected.forEach(r -> metrics.deadLettered());

    String token = DeduplicationToken.of(records);
    List<RecordOutcome.Grouped> grouped = distinctEvents(outcomes);
    if (!grouped.isEmpty()) {
      storeEvents(grouped, token);
    }
    List<Span> rows = distinctSpans(outcomes);
    if (!rows.isEmpty()) {
      // Another table, so its own token: the events' token must not make ClickHouse drop the spans.
      retrying.untilSuccess("inserting " + rows.size() + " transaction spans into ClickHouse", () -> {
        spans.insert(rows, token + ":spans");
        return null;
      });
      metrics.stored("spans", "sentry", rows.size());
    }
  }

  private void storeEvents(List<RecordOutcome.Grouped> grouped, String token) {
    List<ImplicitReleases.ProjectRelease> unlinked = releases.unlinked(grouped.stream()
        .filter(g -> g.event().release() != null)
        .map(g -> new ImplicitReleases.ProjectRelease(g.event().projectId(), g.event().release()))
        .toList());
    if (!unlinked.isEmpty()) {
      retrying.untilSuccess("linking " + unlinked.size() + " releases in PostgreSQL", () -> await(() -> releases.link(unlinked)));
    }
    Map<IssueFolding.Key, IssueCandidate> candidates = IssueFolding.fold(grouped);
    List<IssueCandidate> ordered = List.copyOf(candidates.values());
    List<IssueOutcome> recorded =
        retrying.untilSuccess("recording " + ordered.size() + " issues in PostgreSQL",
            () -> await(() -> issues.record(ordered)));
    Map<IssueFolding.Key, Long> issueIds = new HashMap<>();
    List<IssueFolding.Key> keys = List.copyOf(candidates.keySet());
    for (int i = 0; i < keys.size(); i++) {
      report(ordered.get(i), recorded.get(i));
      issueIds.put(keys.get(i), recorded.get(i).issueId());
    }

    List<GroupedEvent> rows = grouped.stream()
        .map(g -> new GroupedEvent(issueIds.get(IssueFolding.Key.of(g)), g.event(), g.grouping().title(),
            g.grouping().culprit()))
        .toList();
    retrying.untilSuccess("inserting " + rows.size() + " events into ClickHouse", () -> {
      events.insert(rows, token);
      return null;
    });
    metrics.processed(rows.size());
  }

  /** A transaction sent twice in one batch (an SDK retry) is stored once; across batches the table collapses it. */
  private static List<Span> distinctSpans(List<RecordOutcome> outcomes) {
    Set<String> seen = new HashSet<>();
    List<Span> distinct = new ArrayList<>();
    for (RecordOutcome o : outcomes) {
      for (Span s : o.spans()) {
        if (seen.add(s.projectId() + "/" + s.traceId() + "/" + s.spanId())) {
          distinct.add(s);
        }
      }
    }
    return distinct;
  }

  /** The same event sent twice (an SDK retry, a replayed record) is stored and counted once per batch. */
  private static List<RecordOutcome.Grouped> distinctEvents(List<RecordOutcome> outcomes) {
    Set<String> seen = new HashSet<>();
    List<RecordOutcome.Grouped> distinct = new ArrayList<>();
    for (RecordOutcome o : outcomes) {
      for (RecordOutcome.Grouped g : o.events()) {
        if (seen.add(g.event().projectId() + "/" + g.event().eventId())) {
          distinct.add(g);
        }
      }
    }
    return distinct;
  }

  private void report(IssueCandidate candidate, IssueOutcome outcome) {
    if (outcome.created()) {
      metrics.created();
      LOG.infof("new issue %d in project %d: %s", outcome.issueId(), candidate.projectId(), candidate.title());
    }
    if (outcome.regressed()) {
      metrics.regressed();
      LOG.infof("issue %d in project %d regressed: %s", outcome.issueId(), candidate.projectId(), candidate.title());
    }
  }

  private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
