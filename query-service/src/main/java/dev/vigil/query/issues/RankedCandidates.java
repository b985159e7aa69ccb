package dev.vigil.query.issues;

import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.issues.IssueSearch;
import dev.vigil.storage.clickhouse.read.EventQuery;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.IssueAggregate;
import dev.vigil.storage.clickhouse.read.IssueRank;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Candidates for the events and users sorts, whose keys are counts over the range: ClickHouse groups,
 * orders and limits each chunk (keyset-continued after the cursor), then PostgreSQL keeps those whose
 * status and title/culprit (or, flagged by ClickHouse, an event message) match, by primary key.
 */
final class RankedCandidates implements IssueCandidates {

  private final EventReads reads;
  private final IssueSearch search;
  private final IssueFilter filter;
  private final EventQuery query;
  private final IssueRank rank;
  private final int chunkSize;
  /** Ids whose title or culprit match the text, handed to ClickHouse; null when no text or too many. */
  private final Collection<Long> titleMatches;

  private RankedCandidates(
      EventReads reads, IssueSearch search, IssueFilter filter, EventQuery query, int chunkSize, Collection<Long> titleMatches) {
    this.reads = reads;
    this.search = search;
    this.filter = filter;
    this.query = query;
    this.rank = filter.sort() == IssueSort.USERS ? IssueRank.USERS : IssueRank.EVENTS;
    this.chunkSize = chunkSize;
    this.titleMatches = titleMatches;
  }

  /**
   * With a text, first asks PostgreSQL which issues' title or culprit match: when they are few,
   * ClickHouse ranks only those and the issues with a matching message, so a rare text does not
   * scan the project chunk by chunk; when they are many the text is common and chunks fill anyway.
   */
  static Uni<IssueCandidates> open(
      EventReads reads, IssueSearch search, IssueFilter filter, EventQuery query, int chunkSize, int maxTitleMatches) {
    if (filter.text() == null) {
      return Uni.createFrom().item(new RankedCandidates(reads, search, filter, query, chunkSize, null));
    }
    return search
        .titleOrCulpritMatches(filter.projectId(), filter.statuses(), filter.text(), maxTitleMatches + 1)
        .map(
            ids ->
                new RankedCandidates(
                    reads, search, filter, query, chunkSize, ids.size() > maxTitleMatches ? null : ids));
  }

  @Override
  public Uni<CandidateChunk> next(ListCursor after) {
    IssueRank.After position = after == null ? null : new IssueRank.After(after.key(), after.issueId());
    return OffEventLoop.call(() -> reads.rankedIssues(query, rank, position, chunkSize, filter.text(), titleMatches))
        .chain(
            ranked -> {
              if (ranked.isEmpty()) {
                return Uni.createFrom().item(new CandidateChunk(List.of(), after, true));
              }
              List<Long> ids = ranked.stream().map(IssueAggregate::issueId).toList();
              Set<Long> messageMatches =
                  ranked.stream().filter(IssueAggregate::messageMatch).map(IssueAggregate::issueId).collect(Collectors.toSet());
              return search
                  .among(filter.projectId(), ids, filter.statuses(), filter.text(), messageMatches)
                  .map(issues -> chunk(ranked, issues));
            });
  }

  private CandidateChunk chunk(List<IssueAggregate> ranked, List<IssueEntity> issues) {
    Map<Long, IssueEntity> byId = issues.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
    List<ListedIssue> kept = new ArrayList<>();
    for (IssueAggregate a : ranked) {
      IssueEntity issue = byId.get(a.issueId());
      // first_release is on the PostgreSQL row the lookup already loaded: no extra query.
      if (issue != null && (filter.firstRelease() == null || filter.firstRelease().equals(issue.firstRelease))) {
        kept.add(new ListedIssue(issue, a, key(a)));
      }
    }
    IssueAggregate last = ranked.get(ranked.size() - 1);
    return new CandidateChunk(
        kept, new ListCursor(filter.sort(), key(last), last.issueId()), ranked.size() < chunkSize);
  }

  private long key(IssueAggregate a) {
    return rank == IssueRank.USERS ? a.userCount() : a.count();
  }
}
