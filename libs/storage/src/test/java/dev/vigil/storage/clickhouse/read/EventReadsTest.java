package dev.vigil.storage.clickhouse.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.domain.Event;
import dev.vigil.domain.GroupedEvent;
import dev.vigil.domain.Level;
import dev.vigil.domain.UserInfo;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import dev.vigil.storage.clickhouse.write.InsertEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read side against the local stack's ClickHouse, on events written by the write side. */
class EventReadsTest {

  private static final long PROJECT = 7;
  private static final long OTHER_PROJECT = 8;
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static ClickHouseStorage storage;
  private static EventReads reads;
  private static Event first;
  private static Event middle;
  private static Event last;

  @BeforeAll
  static void seed() {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    reads = new EventReads(storage);
    first = event(PROJECT, hoursAgo(30), "production", "alice", "disk quota exceeded", null, Map.of("browser", "Chrome"));
    middle = event(PROJECT, hoursAgo(5), "production", "bob", "it's 100% broken", TRACE, Map.of("browser", "Chrome"));
    last = event(PROJECT, hoursAgo(1), "staging", null, "", null, Map.of("browser", "Firefox"));
    insert(1, first, middle, last);
    insert(1, middle); // a replay stored a second time
    insert(2, event(PROJECT, hoursAgo(2), "production", "alice", "", null, Map.of()));
    insert(3, event(OTHER_PROJECT, hoursAgo(2), "production", "carol", "disk quota exceeded", TRACE, Map.of()));
  }

  @AfterAll
  static void drop() throws Exception {
    TestDatabases.drop(storage);
  }

  @Test
  void aggregatesDistinctEventsAndUsersPerIssue() {
    Map<Long, IssueAggregate> byIssue = aggregates(range(48, null, null), null);
    assertThat(byIssue).containsOnlyKeys(1L, 2L);
    IssueAggregate one = byIssue.get(1L);
    assertThat(one.count()).isEqualTo(3);
    assertThat(one.userCount()).isEqualTo(2);
    assertThat(one.firstSeen()).isEqualTo(first.timestamp());
    assertThat(one.lastSeen()).isEqualTo(last.timestamp());
    assertThat(one.messageMatch()).isFalse();
  }

  @Test
  void filtersByRangeAndEventFields() {
    assertThat(aggregates(range(24, null, null), null).get(1L).count()).isEqualTo(2);
    assertThat(aggregates(range(48, "staging", null), null)).containsOnlyKeys(1L);
    assertThat(aggregates(range(48, "staging", null), null).get(1L).count()).isEqualTo(1);
    assertThat(aggregates(range(48, null, "warning"), null)).isEmpty();
    assertThat(reads.issueAggregates(range(48, null, null), List.of(2L), null)).extracting(IssueAggregate::issueId).containsExactly(2L);
  }

  @Test
  void flagsMessagesContainingTheTextAndBindsItLiterally() {
    assertThat(aggregates(range(48, null, null), "DISK QUOTA").get(1L).messageMatch()).isTrue();
    assertThat(aggregates(range(48, null, null), "DISK QUOTA").get(2L).messageMatch()).isFalse();
    assertThat(aggregates(range(48, null, null), "100%").get(1L).messageMatch()).isTrue();
    assertThat(aggregates(range(48, null, null), "' OR 1=1 --").values()).noneMatch(IssueAggregate::messageMatch);
  }

  @Test
  void zeroFillsHourlyBuckets() {
    EventQuery lastDay = new EventQuery(PROJECT, NOW.minus(Duration.ofHours(24)), NOW, null, null, null);
    List<CountBucket> series = reads.countSeries(lastDay, List.of(1L, 99L), Duration.ofHours(1)).get(1L);
    assertThat(series).hasSizeBetween(24, 25);
    assertThat(series.stream().mapToLong(CountBucket::count).sum()).isEqualTo(2);
    assertThat(series).allSatisfy(b -> assertThat(b.t() % 3600).isZero());
    assertThat(reads.countSeries(lastDay, List.of(1L, 99L), Duration.ofHours(1)).get(99L)).allMatch(b -> b.count() == 0);
  }

  @Test
  void pagesAnIssuesEventsNewestFirstWithoutDuplicates() {
    List<StoredEvent> page1 = reads.issueEvents(PROJECT, 1, null, 2);
    assertThat(page1).extracting(StoredEvent::eventId).containsExactly(hex(last), hex(middle));
    assertThat(page1.get(0).payload()).isNull();
    List<StoredEvent> page2 = reads.issueEvents(PROJECT, 1, page1.get(1).position(), 2);
    assertThat(page2).extracting(StoredEvent::eventId).containsExactly(hex(first));
  }

  @Test
  void readsOneEventWithPayloadAndNeighbours() {
    StoredEvent e = reads.event(PROJECT, hex(middle)).orElseThrow();
    assertThat(e.issueId()).isEqualTo(1);
    assertThat(e.timestamp()).isEqualTo(middle.timestamp());
    assertThat(e.traceId()).isEqualTo(TRACE);
    assertThat(e.userId()).isEqualTo("bob");
    assertThat(e.tags()).containsEntry("browser", "Chrome");
    assertThat(e.payload()).isEqualTo(middle.payload());
    assertThat(reads.previousEventId(e)).contains(hex(first));
    assertThat(reads.nextEventId(e)).contains(hex(last));
    assertThat(reads.latestEvent(PROJECT, 1)).map(StoredEvent::eventId).contains(hex(last));
    assertThat(reads.oldestEvent(PROJECT, 1)).map(StoredEvent::eventId).contains(hex(first));
    assertThat(reads.event(OTHER_PROJECT, hex(middle))).isEmpty();
  }

  @Test
  void findsEventsOfATraceWithinTheProject() {
    assertThat(reads.traceEvents(PROJECT, TRACE, 10)).extracting(StoredEvent::eventId).containsExactly(hex(middle));
  }

  @Test
  void distributesTagValues() {
    TagKeySummary browser = reads.issueTag(PROJECT, 1, "browser", 10).orElseThrow();
    assertThat(browser.totalValues()).isEqualTo(3);
    assertThat(browser.uniqueValues()).isEqualTo(2);
    assertThat(browser.topValues()).extracting(TagValueCount::value).containsExactly("Chrome", "Firefox");
    assertThat(browser.topValues().get(0).count()).isEqualTo(2);
    assertThat(browser.topValues().get(0).firstSeen()).isEqualTo(first.timestamp());
    assertThat(reads.issueTags(PROJECT, 1, 1))
        .extracting(TagKeySummary::key)
        .contains("browser", "environment", "level", "release", "user", "transaction");
    assertThat(reads.issueTags(PROJECT, 1, 1)).allSatisfy(t -> assertThat(t.topValues()).hasSize(1));
    assertThat(reads.issueTag(PROJECT, 1, "os", 10)).isEmpty();
  }

  @Test
  void offersTheEnvironmentsReleasesAndLevelsOfAProjectsEventsInTheRange() {
    List<TagKeySummary> facets = reads.facets(range(48, null, null), 10);
    assertThat(facets).extracting(TagKeySummary::key).containsExactly("environment", "release", "level");
    TagKeySummary environments = facets.get(0);
    // The replayed event counts once; the other project's production event not at all.
    assertThat(environments.topValues()).extracting(TagValueCount::value, TagValueCount::count)
        .containsExactly(tuple("production", 3L), tuple("staging", 1L));
    assertThat(environments.totalValues()).isEqualTo(4);
    assertThat(environments.uniqueValues()).isEqualTo(2);
    assertThat(facets.get(1).topValues()).extracting(TagValueCount::value).containsExactly("1.0");
    assertThat(facets.get(2).topValues()).extracting(TagValueCount::value).containsExactly("error");

    TagKeySummary top1 = reads.facets(range(48, null, null), 1).get(0);
    assertThat(top1.topValues()).extracting(TagValueCount::value).containsExactly("production");
    assertThat(top1.uniqueValues()).isEqualTo(2);
    assertThat(reads.facets(range(24, null, null), 10).get(0).topValues())
        .extracting(TagValueCount::count).containsExactly(2L, 1L);
    EventQuery empty = new EventQuery(PROJECT, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(29)), null, null, null);
    assertThat(reads.facets(empty, 10)).allSatisfy(f -> assertThat(f.topValues()).isEmpty());
  }

  private static Map<Long, IssueAggregate> aggregates(EventQuery q, String text) {
    return reads.issueAggregates(q, null, text).stream().collect(Collectors.toMap(IssueAggregate::issueId, Function.identity()));
  }

  private static EventQuery range(long hours, String environment, String level) {
    return new EventQuery(PROJECT, NOW.minus(Duration.ofHours(hours)), NOW.plusSeconds(1), level, environment, null);
  }

  private static Instant hoursAgo(long hours) {
    return NOW.minus(Duration.ofHours(hours)).plusNanos(123_456_789);
  }

  private static Event event(
      long project, Instant ts, String env, String user, String message, String trace, Map<String, String> tags) {
    UUID id = UUID.randomUUID();
    return new Event(
        id, project, ts, Instant.now(), "python", Level.ERROR, "app", "GET /users", "1.0", env, "web-1", message,
        List.of(), tags, user == null ? UserInfo.NONE : new UserInfo(user, null, null, null), trace,
        trace == null ? null : "00f067aa0ba902b7", List.of(), "sentry.python", "2.19.0",
        "{\"event_id\":\"" + id.toString().replace("-", "") + "\"}");
  }

  private static void insert(long issueId, Event... events) {
    List<GroupedEvent> grouped = java.util.Arrays.stream(events).map(e -> new GroupedEvent(issueId, e, "t", "c")).toList();
    new InsertEvents(storage).insert(grouped, "read-test-" + UUID.randomUUID());
  }

  private static String hex(Event e) {
    return e.eventId().toString().replace("-", "");
  }
}
