package dev.vigil.processor.events;

import dev.vigil.domain.GroupedEvent;
import dev.vigil.state.issues.IssueCandidate;
import dev.vigil.state.issues.IssueOutcome;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.storage.EventWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes batches of Sentry envelopes, records their events against issues in PostgreSQL and
 * stores them in ClickHouse. The batch is acknowledged (and its offsets committed by the throttled
 * commit strategy) only when this method returns, which it does only after both stores succeeded.
 *
 * <p>The method is {@code @Blocking}: the ClickHouse driver is blocking, and a worker thread may wait
 * out an outage with backoff, which also stops consumption. Hibernate Reactive needs a Vert.x
 * context, so PostgreSQL calls go through {@link VertxContextSupport#subscribeAndAwait}.
 */
@ApplicationScoped
public class IngestEventsConsumer {

  static final String CHANNEL = "ingest-events";
  private static final Logger LOG = Logger.getLogger(IngestEventsConsumer.class);

  private final RecordProcessor processor;
  private final DeadLetters deadLetters;
  private final IssueUpserts issues;
  private final EventWriter events;
  private final Retrying retrying;
  private final ProcessorMetrics metrics;
  // Projects are not deleted yet, so a project once seen stays valid; this keeps lookups off the hot path.
  private final Set<Long> knownProjects = ConcurrentHashMap.newKeySet();

  IngestEventsConsumer(RecordProcessor processor, DeadLetters deadLetters, IssueUpserts issues,
      EventWriter events, Retrying retrying, ProcessorMetrics metrics) {
    this.processor = processor;
    this.deadLetters = deadLetters;
    this.issues = issues;
    this.events = events;
    this.retrying = retrying;
    this.metrics = metrics;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    List<IngestRecord> records = new ArrayList<>(batch.count());
    for (ConsumerRecord<String, byte[]> r : batch) {
      records.add(IngestRecord.of(r));
    }
    List<RecordOutcome> outcomes = records.stream().map(processor::process).toList();
    outcomes = rejectUnknownProjects(outcomes);

    List<RecordOutcome> rejected = outcomes.stream().filter(RecordOutcome::deadLettered).toList();
    retrying.untilSuccess("dead-lettering " + rejected.size() + " records", () -> {
      deadLetters.send(rejected);
      return null;
    });
    rejected.forEach(r -> metrics.deadLettered());

    List<RecordOutcome.Grouped> grouped = distinctEvents(outcomes);
    if (grouped.isEmpty()) {
      return;
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
    String token = DeduplicationToken.of(records);
    retrying.untilSuccess("inserting " + rows.size() + " events into ClickHouse", () -> {
      events.insert(rows, token);
      return null;
    });
    metrics.processed(rows.size());
  }

  /** Records of projects that do not exist (deleted, or a gateway of another installation) cannot become issues. */
  private List<RecordOutcome> rejectUnknownProjects(List<RecordOutcome> outcomes) {
    Set<Long> asked = new HashSet<>();
    for (RecordOutcome o : outcomes) {
      o.events().forEach(g -> asked.add(g.event().projectId()));
    }
    asked.removeAll(knownProjects);
    if (!asked.isEmpty()) {
      List<Long> ids = List.copyOf(asked);
      List<Long> found = retrying.untilSuccess("looking up projects " + ids, () -> await(() -> Panache.withSession(
          () -> ProjectEntity.<ProjectEntity>list("id in ?1", ids)
              .map(list -> list.stream().map(p -> p.id).toList()))));
      knownProjects.addAll(found);
    }
    return outcomes.stream()
        .map(o -> o.events().stream().anyMatch(g -> !knownProjects.contains(g.event().projectId()))
            ? RecordOutcome.deadLetter(o.record(), "unknown project " + o.events().get(0).event().projectId())
            : o)
        .toList();
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
