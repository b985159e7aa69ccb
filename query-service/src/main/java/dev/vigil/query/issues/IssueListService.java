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
import java.util.List;

/**
 * Lists a project's issues by composing ClickHouse and PostgreSQL, at a cost that follows the page
 * size rather than the number of issues in the range.
 *
 * <p>An issue belongs in the list when it has events in the range that pass the event filters
 * (level, environment, release) and its PostgreSQL row passes the status, first-release and text
 * filters (text: title, culprit, or a message of an event in the range). The candidates are read in
 * list order, a chunk at a time, from the store that holds the sort key and checked against the other
 * one ({@link RankedCandidates} for events/users, counted by ClickHouse; {@link SeenCandidates} for
 * lastSeen/firstSeen, PostgreSQL columns), until the page plus one issue is found, the candidates run
 * out, or {@link IssueListConfig#maxChunks()} chunks were read: then the page is returned as found,
 * with a cursor after the last candidate scanned. A last ClickHouse query reads the page's sparklines.
 */
@ApplicationScoped
public class IssueListService {

  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration HOUR = Duration.ofHours(1);

  @Inject EventReads reads;
  @Inject IssueSearch search;
  @Inject IssueListConfig config;

  /** The issues found for a page and where the next page starts (null when there is none). */
  private record Scan(List<ListedIssue> found, ListCursor next) {}

  public Uni<IssuePage> list(IssueFilter f) {
    EventQuery query = new EventQuery(f.projectId(), f.start(), f.end(), f.level(), f.environment(), f.release());
    int chunkSize = Math.max(config.chunkSize(), f.limit() + 1);
    Uni<IssueCandidates> candidates =
        switch (f.sort()) {
          case EVENTS, USERS -> RankedCandidates.open(reads, search, f, query, chunkSize, config.maxTextMatches());
          case LAST_SEEN, FIRST_SEEN -> SeenCandidates.open(reads, search, f, query, chunkSize, config.maxTextMatches());
        };
    return candidates
        .chain(c -> scan(c, f, f.cursor(), new ArrayList<>(), config.maxChunks()))
        .chain(scan -> page(f, scan));
  }

  private Uni<Scan> scan(IssueCandidates candidates, IssueFilter f, ListCursor after, List<ListedIssue> found, int chunksLeft) {
    return candidates
        .next(after)
        .chain(
            chunk -> {
              found.addAll(chunk.kept());
              if (found.size() > f.limit()) {
                List<ListedIssue> page = found.subList(0, f.limit());
                return Uni.createFrom().item(new Scan(page, page.get(page.size() - 1).cursor(f.sort())));
              }
              if (chunk.exhausted()) {
                return Uni.createFrom().item(new Scan(found, null));
              }
              if (chunksLeft <= 1) {
                // Filters rejected most candidates: answer in bounded time, the cursor resumes the scan.
                return Uni.createFrom().item(new Scan(found, chunk.lastScanned()));
              }
              return scan(candidates, f, chunk.lastScanned(), found, chunksLeft - 1);
            });
  }

  private Uni<IssuePage> page(IssueFilter f, Scan scan) {
    boolean daily = Duration.between(f.start(), f.end()).compareTo(Duration.ofDays(2)) > 0;
    Instant statsStart = daily ? f.start() : latest(f.start(), f.end().minus(DAY));
    EventQuery statsQuery =
        new EventQuery(f.projectId(), statsStart, f.end(), f.level(), f.environment(), f.release());
    List<Long> ids = scan.found().stream().map(l -> l.issue().id).toList();
    String next = scan.next() == null ? null : scan.next().encode();
    return OffEventLoop.call(() -> reads.countSeries(statsQuery, ids, daily ? DAY : HOUR))
        .map(
            stats -> {
              List<IssueSummary> out = new ArrayList<>(ids.size());
              for (ListedIssue l : scan.found()) {
                out.add(summary(l.issue(), l.aggregate(), stats.getOrDefault(l.issue().id, List.of()), f.end()));
              }
              return new IssuePage(out, next, daily ? "day" : "hour", f.start(), f.end());
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

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
