package dev.vigil.storage.clickhouse.read;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of Vigil's event storage: what query-service and alert-service ask ClickHouse about
 * events and issues. Every read is scoped by project and binds its values as parameters. Calls block
 * on the network; callers keep them off event-loop threads.
 */
public final class EventReads {

  private final SelectIssueAggregates aggregates;
  private final SelectCountSeries series;
  private final SelectEvents events;
  private final SelectIssueTags tags;
  private final SelectEventFacets facets;
  private final SelectRankedIssues ranked;
  private final SelectMessageMatches messageMatches;

  public EventReads(ClickHouseStorage storage) {
    this.aggregates = new SelectIssueAggregates(storage);
    this.series = new SelectCountSeries(storage);
    this.events = new SelectEvents(storage);
    this.tags = new SelectIssueTags(storage);
    this.facets = new SelectEventFacets(storage);
    this.ranked = new SelectRankedIssues(storage);
    this.messageMatches = new SelectMessageMatches(storage);
  }

  /**
   * Counts per issue with events matching the query.
   *
   * @param issueIds restricts to these issues; null means every issue with matching events
   * @param messageContains flags issues with a message containing this text; null to skip
   */
  public List<IssueAggregate> issueAggregates(EventQuery query, Collection<Long> issueIds, String messageContains) {
    return aggregates.select(query, issueIds, messageContains);
  }

  /**
   * Up to {@code limit} issues with events matching the query, most events (or users) first, ties by
   * id descending, continuing after {@code after} (null for the first chunk).
   *
   * @param messageContains flags issues with a message containing this text; null to skip
   * @param textMatchedElsewhere with a text, keeps only issues with a matching message or among these
   *     ids (those whose title or culprit match, say); null keeps every issue
   */
  public List<IssueAggregate> rankedIssues(
      EventQuery query,
      IssueRank rank,
      IssueRank.After after,
      int limit,
      String messageContains,
      Collection<Long> textMatchedElsewhere) {
    return ranked.select(query, rank, after, limit, messageContains, textMatchedElsewhere);
  }

  /** Up to {@code limit} ids of issues with an event matching the query whose message contains {@code text}. */
  public List<Long> messageMatches(EventQuery query, String text, int limit) {
    return messageMatches.select(query, text, limit);
  }

  /** Zero-filled event counts per issue and bucket over the query's range. */
  public Map<Long, List<CountBucket>> countSeries(EventQuery query, Collection<Long> issueIds, Duration bucket) {
    return series.select(query, issueIds, bucket);
  }

  /** An issue's events, newest first, without payloads. */
  public List<StoredEvent> issueEvents(long projectId, long issueId, EventPosition before, int limit) {
    return events.page(projectId, issueId, before, limit);
  }

  /** An issue's newest event, with payload. */
  public Optional<StoredEvent> latestEvent(long projectId, long issueId) {
    return events.edge(projectId, issueId, true);
  }

  /** An issue's oldest event, with payload. */
  public Optional<StoredEvent> oldestEvent(long projectId, long issueId) {
    return events.edge(projectId, issueId, false);
  }

  /** A project's event by id (32 hex characters or a dashed UUID), with payload. */
  public Optional<StoredEvent> event(long projectId, String eventId) {
    return events.byId(projectId, eventId);
  }

  /** The id of the next older event of the same issue. */
  public Optional<String> previousEventId(StoredEvent event) {
    return events.neighbour(event.projectId(), event.issueId(), event.position(), true);
  }

  /** The id of the next newer event of the same issue. */
  public Optional<String> nextEventId(StoredEvent event) {
    return events.neighbour(event.projectId(), event.issueId(), event.position(), false);
  }

  /** A project's events raised inside a trace, oldest first, without payloads. */
  public List<StoredEvent> traceEvents(long projectId, String traceId, int limit) {
    return events.byTrace(projectId, traceId, limit);
  }

  /** Every tag key of an issue with its {@code top} most frequent values. */
  public List<TagKeySummary> issueTags(long projectId, long issueId, int top) {
    return tags.select(projectId, issueId, null, top);
  }

  /** One tag key of an issue with its {@code top} most frequent values, if any event carries it. */
  public Optional<TagKeySummary> issueTag(long projectId, long issueId, String key, int top) {
    return tags.select(projectId, issueId, key, top).stream().findFirst();
  }

  /**
   * The environments, releases and levels of a project's events matching the query, each key with
   * its {@code top} most frequent values; a key without values is returned with none.
   */
  public List<TagKeySummary> facets(EventQuery query, int top) {
    return facets.select(query, top);
  }
}
