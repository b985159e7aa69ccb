package dev.vigil.processor.events;

import dev.vigil.domain.Event;
import dev.vigil.sentry.grouping.GroupingResult;
import dev.vigil.state.issues.IssueCandidate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds a batch's events into one {@link IssueCandidate} per (project, grouping hash): one upsert
 * per issue instead of per event. Candidates come sorted by project and hash, so concurrent
 * processors lock issue rows in the same order and cannot deadlock each other.
 */
final class IssueFolding {

  /** Identifies an issue before PostgreSQL has given it an id. */
  record Key(long projectId, String hash) implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparingLong(Key::projectId).thenComparing(Key::hash);

    static Key of(RecordOutcome.Grouped g) {
      return new Key(g.event().projectId(), g.grouping().hash());
    }

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private IssueFolding() {}

  static Map<Key, IssueCandidate> fold(List<RecordOutcome.Grouped> events) {
    Map<Key, IssueCandidate> candidates = new TreeMap<>();
    for (RecordOutcome.Grouped g : events) {
      candidates.merge(Key.of(g), candidate(g), IssueFolding::merge);
    }
    return candidates;
  }

  private static IssueCandidate candidate(RecordOutcome.Grouped g) {
    Event e = g.event();
    GroupingResult r = g.grouping();
    return new IssueCandidate(
        e.projectId(),
        r.hash(),
        nonEmpty(r.title(), "<unlabeled event>"),
        nonEmpty(r.culprit(), ""),
        nonEmpty(r.type(), ""),
        e.level().wireName(),
        nonEmpty(e.platform(), "other"),
        e.timestamp(),
        e.timestamp(),
        e.release(),
        nonEmpty(r.config(), ""),
        r.componentsJson());
  }

  /** Earliest first-seen, and the latest event's title, culprit, level and release. */
  private static IssueCandidate merge(IssueCandidate a, IssueCandidate b) {
    IssueCandidate latest = b.lastSeen().isAfter(a.lastSeen()) ? b : a;
    return new IssueCandidate(
        a.projectId(),
        a.groupingHash(),
        latest.title(),
        latest.culprit(),
        latest.type(),
        latest.level(),
        latest.platform(),
        a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
        latest.lastSeen(),
        latest.release() != null ? latest.release() : (latest == a ? b.release() : a.release()),
        latest.groupingConfig(),
        latest.groupingComponentsJson());
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
