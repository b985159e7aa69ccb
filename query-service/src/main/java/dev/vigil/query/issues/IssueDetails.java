package dev.vigil.query.issues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.storage.clickhouse.read.CountBucket;
import dev.vigil.storage.clickhouse.read.EventQuery;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.IssueAggregate;
import dev.vigil.storage.clickhouse.read.TagKeySummary;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reads one issue: its row in PostgreSQL and its counts, series and main tags from ClickHouse. */
@ApplicationScoped
public class IssueDetails {

  /** Tags summarised on the issue page; the rest are one request away ({@code /tags}). */
  static final Set<String> SUMMARY_TAGS =
      Set.of("environment", "release", "level", "server_name", "browser", "browser.name", "os", "os.name");

  private static final int SUMMARY_TOP = 5;

  @Inject EventReads reads;
  @Inject ObjectMapper json;

  Clock clock = Clock.systemUTC();

  /** The detail of an issue the caller may read (see {@link IssueAccess}). */
  public Uni<IssueDetail> detail(IssueEntity i) {
    Instant now = clock.instant();
    // Everything stored (events expire by TTL), with slack for clients whose clocks run ahead.
    EventQuery allTime = new EventQuery(i.projectId, Instant.EPOCH, now.plus(Duration.ofDays(1)), null, null, null);
    Instant hourEnd = Instant.ofEpochSecond((now.getEpochSecond() / 3600 + 1) * 3600);
    Instant dayEnd = Instant.ofEpochSecond((now.getEpochSecond() / 86400 + 1) * 86400);
    EventQuery lastDay = new EventQuery(i.projectId, hourEnd.minus(Duration.ofHours(24)), hourEnd, null, null, null);
    EventQuery lastMonth = new EventQuery(i.projectId, dayEnd.minus(Duration.ofDays(30)), dayEnd, null, null, null);
    return OffEventLoop.call(
            () -> {
              List<IssueAggregate> aggregate = reads.issueAggregates(allTime, List.of(i.id), null);
              List<CountBucket> hourly = reads.countSeries(lastDay, List.of(i.id), Duration.ofHours(1)).get(i.id);
              List<CountBucket> daily = reads.countSeries(lastMonth, List.of(i.id), Duration.ofDays(1)).get(i.id);
              List<TagKeySummary> tags =
                  reads.issueTags(i.projectId, i.id, SUMMARY_TOP).stream()
                      .filter(t -> SUMMARY_TAGS.contains(t.key()))
                      .toList();
              IssueAggregate a = aggregate.isEmpty() ? null : aggregate.get(0);
              return new IssueDetail(
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
                  i.resolvedAt,
                  i.resolvedInRelease,
                  i.regressedAt,
                  i.regressedAt != null && "unresolved".equals(i.status),
                  a == null ? 0 : a.count(),
                  a == null ? 0 : a.userCount(),
                  hourly,
                  daily,
                  tags,
                  i.groupingConfig,
                  parse(i.groupingComponents));
            });
  }

  // Stored by the event-processor as JSON; shown as JSON, or as text if it ever is not.
  private JsonNode parse(String components) {
    if (components == null || components.isEmpty()) {
      return json.createArrayNode();
    }
    try {
      return json.readTree(components);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(components);
    }
  }
}
