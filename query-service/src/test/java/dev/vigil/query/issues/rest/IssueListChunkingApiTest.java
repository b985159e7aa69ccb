package dev.vigil.query.issues.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Seed.E;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The issue list over a project with thousands of issues, read in chunks of 7 candidates and at most
 * 4 chunks per request (the %test profile): pages in the right order across chunk boundaries, filters
 * that reject most candidates, and text search, for every sort.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueListChunkingApiTest {

  private static final int ISSUES = 2_000;
  private static final int LIMIT = 6;

  /** What the test seeded for one issue. */
  record Seeded(long id, Instant lastSeen, Instant firstSeen, long events, long users, boolean resolved, boolean needle, boolean rare) {}

  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  long project;
  List<Seeded> seeded = new ArrayList<>();

  @BeforeEach
  void seed() {
    if (project != 0) {
      return;
    }
    Seed seed = new Seed(upserts, storage);
    project = Seed.project("issue-chunks");
    List<E> events = new ArrayList<>();
    List<Long> resolved = new ArrayList<>();
    for (int i = 0; i < ISSUES; i++) {
      // Pairs share a lastSeen, so ties are broken by id, also across chunk boundaries.
      Instant lastSeen = now.minus(Duration.ofMinutes(1 + i / 2));
      Instant firstSeen = lastSeen.minus(Duration.ofHours(i % 17));
      boolean needleTitle = i % 97 == 0;
      boolean needleMessage = i % 89 == 0;
      boolean rareTitle = i % 701 == 5;
      boolean rareMessage = i % 601 == 7;
      String title = (needleTitle ? "NeedleError" : rareTitle ? "RareError" : "Error" + i) + ": failed " + i;
      long id = seed.issue(project, title, "app.module" + i + " in run", "error", firstSeen, lastSeen);
      int count = 1 + i % 4;
      int users = Math.min(i % 3, count);
      for (int k = 0; k < count; k++) {
        Instant at = k == 0 ? lastSeen : maxOf(firstSeen, lastSeen.minusSeconds(k));
        E event = E.of(project, id, at);
        if (k < users) {
          event = event.user("u" + k);
        }
        if (k == 0 && needleMessage) {
          event = event.message("while reading: a NEEDLE in the haystack");
        } else if (k == 0 && rareMessage) {
          event = event.message("a rare message");
        }
        events.add(event);
      }
      boolean isResolved = i % 10 == 3;
      if (isResolved) {
        resolved.add(id);
      }
      seeded.add(new Seeded(id, lastSeen, firstSeen, count, users, isResolved, needleTitle || needleMessage, rareTitle || rareMessage));
    }
    seed.events(events.toArray(E[]::new));
    for (int from = 0; from < resolved.size(); from += 50) {
      given()
          .header("Authorization", Seed.TOKEN)
          .contentType("application/json")
          .queryParam("id", resolved.subList(from, Math.min(resolved.size(), from + 50)).toArray())
          .body(Map.of("status", "resolved"))
          .put("/api/v1/projects/" + project + "/issues")
          .then()
          .statusCode(200);
    }
  }

  private static Instant maxOf(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** A whole or partial walk through the list's pages. */
  record Walk(List<Long> ids, boolean shortPageWithCursor, boolean finished) {}

  private Walk walk(String query, int maxPages) {
    List<Long> ids = new ArrayList<>();
    boolean shortPage = false;
    String cursor = null;
    for (int page = 0; page < maxPages; page++) {
      JsonPath json =
          given()
              .header("Authorization", Seed.TOKEN)
              .get("/api/v1/projects/" + project + "/issues?limit=" + LIMIT + "&" + query + (cursor == null ? "" : "&cursor=" + cursor))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Long> pageIds = json.getList("issues.id", Long.class);
      assertThat(pageIds).hasSizeLessThanOrEqualTo(LIMIT);
      ids.addAll(pageIds);
      cursor = json.getString("nextCursor");
      if (cursor == null) {
        return new Walk(ids, shortPage, true);
      }
      shortPage |= pageIds.size() < LIMIT;
    }
    return new Walk(ids, shortPage, false);
  }

  private List<Long> expected(Predicate<Seeded> keep, ToLongFunction<Seeded> key) {
    return seeded.stream()
        .filter(keep)
        .sorted(Comparator.comparingLong(key).thenComparingLong(Seeded::id).reversed())
        .map(Seeded::id)
        .toList();
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  @Test
  void pagesInOrderAcrossChunkBoundariesForEverySort() {
    Predicate<Seeded> unresolved = s -> !s.resolved();
    Map<String, ToLongFunction<Seeded>> sorts =
        Map.of(
            "lastSeen", s -> micros(s.lastSeen()),
            "firstSeen", s -> micros(s.firstSeen()),
            "events", Seeded::events,
            "users", Seeded::users);
    sorts.forEach(
        (sort, key) -> {
          Walk walk = walk("sort=" + sort, 12);
          List<Long> expected = expected(unresolved, key);
          assertThat(walk.ids()).as(sort).containsExactlyElementsOf(expected.subList(0, walk.ids().size()));
          // One status in ten is filtered out: every page is full within the scan cap.
          assertThat(walk.ids()).as(sort).hasSize(12 * LIMIT);
        });
  }

  @Test
  void reportsCountsOfTheListedIssues() {
    JsonPath page =
        given().header("Authorization", Seed.TOKEN).get("/api/v1/projects/" + project + "/issues?sort=events&limit=3")
            .then().statusCode(200).extract().jsonPath();
    Seeded top = seeded.stream().filter(s -> s.id() == page.getLong("issues[0].id")).findFirst().orElseThrow();
    assertThat(page.getLong("issues[0].count")).isEqualTo(top.events()).isEqualTo(4);
    assertThat(page.getLong("issues[0].userCount")).isEqualTo(top.users());
  }

  @Test
  void aStatusMatchingFewIssuesListsAllOfThemThroughShortPages() {
    for (String sort : List.of("lastSeen", "events")) {
      ToLongFunction<Seeded> key = sort.equals("events") ? Seeded::events : s -> micros(s.lastSeen());
      Walk walk = walk("status=resolved&sort=" + sort, 200);
      assertThat(walk.finished()).isTrue();
      assertThat(walk.ids()).as(sort).containsExactlyElementsOf(expected(Seeded::resolved, key));
      // Ranked by ClickHouse, nine candidates in ten are rejected by PostgreSQL: the scan cap answers
      // short pages with a cursor to go on. Walked in PostgreSQL, the status is part of the walk.
      assertThat(walk.shortPageWithCursor()).as(sort).isEqualTo(sort.equals("events"));
    }
  }

  @Test
  void searchesTitlesAndMessagesInEverySort() {
    Predicate<Seeded> needle = s -> !s.resolved() && s.needle();
    // More issues match "needle" (in titles, in messages) than the %test bound of ids handed from one
    // store to the other: checked chunk by chunk.
    Walk byLastSeen = walk("query=needle", 200);
    assertThat(byLastSeen.ids()).containsExactlyElementsOf(expected(needle, s -> micros(s.lastSeen())));
    Walk byEvents = walk("query=needle&sort=events", 200);
    assertThat(byEvents.ids()).containsExactlyElementsOf(expected(needle, Seeded::events));

    // Few issues match "rare" in messages: PostgreSQL applies the whole text filter while it walks.
    Predicate<Seeded> rare = s -> !s.resolved() && s.rare();
    assertThat(expected(rare, Seeded::id)).hasSizeGreaterThan(LIMIT);
    Walk rareByFirstSeen = walk("query=rare&sort=firstSeen&status=all", 200);
    assertThat(rareByFirstSeen.ids())
        .containsExactlyElementsOf(expected(s -> s.rare(), s -> micros(s.firstSeen())));
    assertThat(walk("query=rare", 200).ids()).containsExactlyElementsOf(expected(rare, s -> micros(s.lastSeen())));
    // Few titles match "rare": ClickHouse ranks only them and the message matches, no short pages.
    Walk rareByEvents = walk("query=rare&sort=events", 200);
    assertThat(rareByEvents.ids()).containsExactlyElementsOf(expected(rare, Seeded::events));
    assertThat(rareByEvents.shortPageWithCursor()).isFalse();
  }
}
