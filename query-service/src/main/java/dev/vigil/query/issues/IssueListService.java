package dev.vigil.query.issues;

import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.issues.IssueSearch;
import dev.vigil.storage.clickhouse.read.CountBucket;
import dev.vigil.storage.clickhouse.read.EventQuery;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.IssueAggregate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists a project's issues by composing ClickHouse and PostgreSQL.
 *
 * <p>Approach: an issue belongs in the list when it has events in the range that pass the event
 * filters (level, environment, release), so ClickHouse answers first with one {@code GROUP BY
 * issue_id} over the project's slice of the primary key (project_id, issue_id, timestamp): counts,
 * users and, when there is a text, whether a message matched. PostgreSQL then keeps the ids whose
 * workflow status and title/culprit match, in one indexed lookup by primary key. The join, the sort
 * and the keyset cursor are applied in memory on that candidate set (one row per issue seen in the
 * range: thousands, not millions), and a last ClickHouse query reads the sparklines of the page only.
 * Three round trips whatever the sort; a project with hundreds of thousands of issues active in one
 * range would want a PostgreSQL-first path for the lastSeen/firstSeen sorts.
 */
@ApplicationScoped
public class IssueListService {

  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration HOUR = Duration.ofHours(1);

  @Inject EventReads reads;
  @Inject IssueSearch search;

  public Uni<IssuePage> list(IssueFilter f) {
    EventQuery query = new EventQuery(f.projectId(), f.start(), f.end(), f.level(), f.environment(), f.release());
    return OffEventLoop.call(() -> reads.issueAggregates(query, null, f.text()))
        .chain(
            aggregates -> {
              Map<Long, IssueAggregate> byId =
                  aggregates.stream().collect(Collectors.toMap(IssueAggregate::issueId, a -> a));
              Set<Long> messageMatches =
                  aggregates.stream().filter(IssueAggregate::messageMatch).map(IssueAggregate::issueId).collect(Collectors.toSet());
              return search
                  .among(f.projectId(), byId.keySet(), f.statuses(), f.text(), messageMatches)
                  .chain(issues -> page(f, query, issues, byId));
            });
  }

  private Uni<IssuePage> page(
      IssueFilter f, EventQuery query, List<IssueEntity> issues, Map<Long, IssueAggregate> aggregates) {
    Comparator<IssueEntity> order =
        Comparator.<IssueEntity>comparingLong(i -> sortKey(f.sort(), i, aggregates.get(i.id)))
            .thenComparingLong(i -> i.id)
            .reversed();
    List<IssueEntity> sorted =
        issues.stream()
            // first_release is on the PostgreSQL row the search already loaded: no extra query.
            .filter(i -> f.firstRelease() == null || f.firstRelease().equals(i.firstRelease))
            .filter(i -> f.cursor() == null || f.cursor().precedes(sortKey(f.sort(), i, aggregates.get(i.id)), i.id))
            .sorted(order)
            .toList();
    List<IssueEntity> page = sorted.subList(0, Math.min(f.limit(), sorted.size()));
    String next = null;
    if (sorted.size() > page.size()) {
      IssueEntity last = page.get(page.size() - 1);
      next = new ListCursor(f.sort(), sortKey(f.sort(), last, aggregates.get(last.id)), last.id).encode();
    }
    boolean daily = Duration.between(f.start(), f.end()).compareTo(Duration.ofDays(2)) > 0;
    Instant statsStart = daily ? f.start() : latest(f.start(), f.end().minus(DAY));
    EventQuery statsQuery =
        new EventQuery(f.projectId(), statsStart, f.end(), f.level(), f.environment(), f.release());
    List<Long> ids = page.stream().map(i -> i.id).toList();
    String nextCursor = next;
    return OffEventLoop.call(() -> reads.countSeries(statsQuery, ids, daily ? DAY : HOUR))
        .map(
            stats -> {
              List<IssueSummary> out = new ArrayList<>(page.size());
              for (IssueEntity i : page) {
                out.add(summary(i, aggregates.get(i.id), stats.getOrDefault(i.id, List.of()), f.end()));
              }
              return new IssuePage(out, nextCursor, daily ? "day" : "hour", f.start(), f.end());
            });
  }

  /** Builds the listed form of an issue; {@code rangeEnd} decides whether it counts as new. */
  static IssueSummary summary(IssueEntity i, IssueAggregate a, List<CountBucket> stats, Instant rangeEnd) {
    return new IssueSummary(
        i.id,
        i.projectId,
        i.title,
        i.culprit,
        i.type,
        i.level,
        i.platform,
        i.status,
        i.firstSeen,
        i.lastSeen,
        i.firstRelease,
        i.lastRelease,
        a == null ? 0 : a.count(),
        a == null ? 0 : a.userCount(),
        stats,
        !i.firstSeen.isBefore(rangeEnd.minus(DAY)),
        i.regressedAt != null && "unresolved".equals(i.status));
  }

  private static long sortKey(IssueSort sort, IssueEntity i, IssueAggregate a) {
    return switch (sort) {
      case LAST_SEEN -> micros(i.lastSeen);
      case FIRST_SEEN -> micros(i.firstSeen);
      case EVENTS -> a.count();
      case USERS -> a.userCount();
    };
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
