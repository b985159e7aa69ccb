package dev.vigil.processor.events;

import dev.vigil.domain.GroupedEvent;
import dev.vigil.processor.pipeline.DeadLetters;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.RecordInserts;
import dev.vigil.processor.pipeline.RecordRows;
import dev.vigil.processor.pipeline.Retrying;
import dev.vigil.state.issues.IssueCandidate;
import dev.vigil.state.issues.IssueOutcome;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.EventWriter;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Records a batch's events against their issues in PostgreSQL, then stores them in ClickHouse
 * (events need their issue's id, so PostgreSQL comes first). Both steps wait out outages. When
 * ClickHouse refuses some events, the records holding them are returned for the dead-letter topic
 * and an issue this batch created for refused events only is deleted again, unless another writer
 * used it meanwhile: no issue is left without events. What the batch changed on existing issues
 * (last seen, title, a regression) stays: the error did happen, and undoing an update is not safe
 * while other processors write the same rows.
 */
@Singleton
final class IssueEvents {

  private static final Logger LOG = Logger.getLogger(IssueEvents.class);

  private final ImplicitReleases releases;
  private final IssueUpserts issues;
  private final EventWriter writer;
  private final RecordInserts inserts;
  private final Retrying retrying;
  private final ProcessorMetrics metrics;

  IssueEvents(ImplicitReleases releases, IssueUpserts issues, EventWriter writer, RecordInserts inserts,
      Retrying retrying, ProcessorMetrics metrics) {
    this.releases = releases;
    this.issues = issues;
    this.writer = writer;
    this.inserts = inserts;
    this.retrying = retrying;
    this.metrics = metrics;
  }

  /**
   * @param polled every record of the batch (the deduplication token covers their offsets)
   * @param events each record's distinct events, for the records that have some
   * @return the records ClickHouse refused, with the reason, not yet dead-lettered
   */
  List<DeadLetters.DeadLetter> store(List<IngestRecord> polled, List<RecordRows<List<RecordOutcome.Grouped>>> events) {
    List<RecordOutcome.Grouped> all = events.stream().flatMap(r -> r.rows().stream()).toList();
    linkReleases(all);
    Map<IssueFolding.Key, IssueCandidate> candidates = IssueFolding.fold(all);
    List<IssueCandidate> ordered = List.copyOf(candidates.values());
    List<IssueOutcome> recorded = retrying.untilSuccess("recording " + ordered.size() + " issues in PostgreSQL",
        () -> await(() -> issues.record(ordered)));
    Map<IssueFolding.Key, IssueOutcome> outcomes = new HashMap<>();
    List<IssueFolding.Key> keys = List.copyOf(candidates.keySet());
    for (int i = 0; i < keys.size(); i++) {
      outcomes.put(keys.get(i), recorded.get(i));
    }

    List<RecordRows<List<GroupedEvent>>> rows = events.stream()
        .map(r -> new RecordRows<>(r.record(), r.rows().stream()
            .map(g -> new GroupedEvent(outcomes.get(IssueFolding.Key.of(g)).issueId(), g.event(), g.grouping().title(),
                g.grouping().culprit()))
            .toList()))
        .toList();
    RecordInserts.Result<List<GroupedEvent>> result = inserts.insert(polled, rows, RecordInserts::concat, writer::insert, "",
        e -> e.size() + " events");

    Set<Long> withStoredEvents = new HashSet<>();
    result.stored().forEach(r -> r.rows().forEach(e -> withStoredEvents.add(e.issueId())));
    Set<Long> deleted = deleteEmptyCreations(recorded, withStoredEvents);
    for (int i = 0; i < keys.size(); i++) {
      report(ordered.get(i), recorded.get(i), deleted);
    }
    metrics.processed(result.stored().stream().mapToInt(r -> r.rows().size()).sum());
    return result.refused();
  }

  private void linkReleases(List<RecordOutcome.Grouped> events) {
    List<ImplicitReleases.ProjectRelease> unlinked = releases.unlinked(events.stream()
        .filter(g -> g.event().release() != null)
        .map(g -> new ImplicitReleases.ProjectRelease(g.event().projectId(), g.event().release()))
        .toList());
    if (!unlinked.isEmpty()) {
      retrying.untilSuccess("linking " + unlinked.size() + " releases in PostgreSQL", () -> await(() -> releases.link(unlinked)));
    }
  }

  /** Deletes the issues this batch created whose every event ClickHouse refused; returns the ids deleted. */
  private Set<Long> deleteEmptyCreations(List<IssueOutcome> recorded, Set<Long> withStoredEvents) {
    List<IssueOutcome> empty = recorded.stream()
        .filter(o -> o.created() && !withStoredEvents.contains(o.issueId()))
        .toList();
    if (empty.isEmpty()) {
      return Set.of();
    }
    List<Long> deleted = retrying.untilSuccess("deleting " + empty.size() + " issues without stored events",
        () -> await(() -> issues.deleteUnchanged(empty)));
    deleted.forEach(id -> LOG.infof("deleted issue %d: ClickHouse refused every event that created it", id));
    return Set.copyOf(deleted);
  }

  private void report(IssueCandidate candidate, IssueOutcome outcome, Set<Long> deleted) {
    if (outcome.created() && !deleted.contains(outcome.issueId())) {
      metrics.created();
      LOG.infof("new issue %d in project %d: %s", outcome.issueId(), candidate.projectId(), candidate.title());
    }
    if (outcome.regressed()) {
      metrics.regressed();
      LOG.infof("issue %d in project %d regressed: %s", outcome.issueId(), candidate.projectId(), candidate.title());
    }
  }

  private static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
