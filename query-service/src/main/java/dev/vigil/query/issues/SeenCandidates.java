package dev.vigil.query.issues;

import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.issues.IssueSearch;
import dev.vigil.storage.clickhouse.read.EventQuery;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.IssueAggregate;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Candidates for the lastSeen and firstSeen sorts, whose keys are PostgreSQL columns: PostgreSQL walks
 * the project's issues seen during the range in index order with the status filter (keyset-continued
 * after the cursor), then ClickHouse counts the chunk's events in the range by primary key and drops
 * the issues without any that pass the event filters. PostgreSQL first rather than ranking in
 * ClickHouse because ClickHouse does not know these keys, and because an issue whose last_seen is
 * before the range (or first_seen after it) cannot have events in it, so the walk stops at the range.
 */
final class SeenCandidates implements IssueCandidates {

  private final EventReads reads;
  private final IssueSearch search;
  private final IssueFilter filter;
  private final EventQuery query;
  private final int chunkSize;
  /** Ids whose messages match the text, handed to PostgreSQL; null when the text is checked per chunk. */
  private final Collection<Long> messageMatches;

  private SeenCandidates(
      EventReads reads, IssueSearch search, IssueFilter filter, EventQuery query, int chunkSize, Collection<Long> messageMatches) {
    this.reads = reads;
    this.search = search;
    this.filter = filter;
    this.query = query;
    this.chunkSize = chunkSize;
    this.messageMatches = messageMatches;
  }

  /**
   * With a text, first asks ClickHouse which issues have a matching message in the range: when they
   * are few, PostgreSQL applies the whole text filter (title, culprit or one of those ids) while it
   * walks; when they are many the text is common, and each chunk is checked instead.
   */
  static Uni<IssueCandidates> open(
      EventReads reads, IssueSearch search, IssueFilter filter, EventQuery query, int chunkSize, int maxMessageMatches) {
    if (filter.text() == null) {
      return Uni.createFrom().item(new SeenCandidates(reads, search, filter, query, chunkSize, List.of()));
    }
    return OffEventLoop.call(() -> reads.messageMatches(query, filter.text(), maxMessageMatches + 1))
        .map(
            ids ->
                new SeenCandidates(
                    reads, search, filter, query, chunkSize, ids.size() > maxMessageMatches ? null : ids));
  }

  @Override
  public Uni<CandidateChunk> next(ListCursor after) {
    boolean textInPostgres = messageMatches != null;
    return search
        .seenBetween(
            filter.projectId(),
            filter.start(),
            filter.end(),
            filter.sort() == IssueSort.FIRST_SEEN,
            after == null ? null : ofMicros(after.key()),
            after == null ? null : after.issueId(),
            filter.statuses(),
            textInPostgres ? filter.text() : null,
            textInPostgres ? messageMatches : List.of(),
            filter.firstRelease(),
            chunkSize)
        .chain(
            issues -> {
              if (issues.isEmpty()) {
                return Uni.createFrom().item(new CandidateChunk(List.of(), after, true));
              }
              List<Long> ids = issues.stream().map(i -> i.id).toList();
              String checkText = textInPostgres ? null : filter.text();
              return OffEventLoop.call(() -> reads.issueAggregates(query, ids, checkText))
                  .map(aggregates -> chunk(issues, aggregates, checkText));
            });
  }

  private CandidateChunk chunk(List<IssueEntity> issues, List<IssueAggregate> aggregates, String checkText) {
    Map<Long, IssueAggregate> byId =
        aggregates.stream().collect(Collectors.toMap(IssueAggregate::issueId, Function.identity()));
    List<ListedIssue> kept = new ArrayList<>();
    for (IssueEntity issue : issues) {
      IssueAggregate a = byId.get(issue.id);
      if (a != null && (checkText == null || a.messageMatch() || titleOrCulpritContains(issue, checkText))) {
        kept.add(new ListedIssue(issue, a, key(issue)));
      }
    }
    IssueEntity last = issues.get(issues.size() - 1);
    return new CandidateChunk(
        kept, new ListCursor(filter.sort(), key(last), last.id), issues.size() < chunkSize);
  }

  private long key(IssueEntity issue) {
    return micros(filter.sort() == IssueSort.FIRST_SEEN ? issue.firstSeen : issue.lastSeen);
  }

  /** The same test as PostgreSQL's {@code lower(title) like '%text%'} in {@link IssueSearch}. */
  private static boolean titleOrCulpritContains(IssueEntity issue, String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return issue.title.toLowerCase(Locale.ROOT).contains(needle)
        || (issue.culprit != null && issue.culprit.toLowerCase(Locale.ROOT).contains(needle));
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static Instant ofMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
