package dev.vigil.query.issues.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.vigil.domain.Level;
import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Seed.E;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The issue API against the local stack: issues seeded in PostgreSQL through IssueUpserts, events
 * in a fresh ClickHouse database through the storage library's writer.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueApiTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  long project;
  long valueError;
  long typeError;
  long diskFull;
  long ancient;
  E tracedEvent;
  E firstValueError;
  E lastValueError;

  // Seeded before the first test rather than in @BeforeAll: the test HTTP port is only set for tests.
  @BeforeEach
  void seed() {
    if (project != 0) {
      return;
    }
    Seed seed = new Seed(upserts, storage);
    project = Seed.project("issues");
    valueError = seed.issue(project, "ValueError: bad id", "app.views in get_user", "error", ago(5), ago(1));
    typeError = seed.issue(project, "TypeError: x is undefined", "app.js in render", "error", ago(72), ago(2));
    diskFull = seed.issue(project, "Disk almost full", "monitor", "warning", ago(240), ago(240));
    ancient = seed.issue(project, "OldError: gone", "old", "error", ago(480), ago(480));

    firstValueError = E.of(project, valueError, ago(5)).user("1");
    tracedEvent = E.of(project, valueError, ago(3)).user("2").message("connection refused to db").trace(TRACE);
    lastValueError = E.of(project, valueError, ago(1));
    seed.events(firstValueError, tracedEvent, lastValueError);
    // A replayed event stored twice must still count once.
    seed.events(firstValueError);

    seed.events(
        E.of(project, typeError, ago(72)).env("staging").release("2.0").user("9").tags(Map.of("browser", "Firefox")),
        E.of(project, typeError, ago(4)).env("staging").release("2.0").user("9").tags(Map.of("browser", "Chrome")),
        E.of(project, typeError, ago(3)).env("staging").release("2.0").tags(Map.of("browser", "Chrome")),
        E.of(project, typeError, ago(2).minusSeconds(30)).env("staging").release("2.0").tags(Map.of("browser", "Chrome")),
        E.of(project, typeError, ago(2)).env("staging").release("2.0").tags(Map.of("browser", "Chrome")));
    seed.events(E.of(project, diskFull, ago(240)).level(Level.WARNING));
    seed.events(E.of(project, ancient, ago(480)));
  }

  private Instant ago(long hours) {
    return now.minus(Duration.ofHours(hours));
  }

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN);
  }

  private JsonPath list(String query) {
    return api().get("/api/v1/projects/" + project + "/issues" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().jsonPath();
  }

  private List<Long> search(String text) {
    return api()
        .queryParam("query", text)
        .get("/api/v1/projects/" + project + "/issues")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("issues.id", Long.class);
  }

  @Test
  void listsIssuesSeenInTheLastTwoWeeksByLastSeen() {
    JsonPath page = list("");
    assertThat(page.getList("issues.id", Long.class)).containsExactly(valueError, typeError, diskFull);
    assertThat(page.getString("statsPeriod")).isEqualTo("day");
    assertThat(page.getString("nextCursor")).isNull();
    Map<String, Object> first = page.getMap("issues[0]");
    assertThat(first)
        .containsEntry("title", "ValueError: bad id")
        .containsEntry("culprit", "app.views in get_user")
        .containsEntry("status", "unresolved")
        .containsEntry("projectId", (int) project)
        .containsEntry("count", 3)
        .containsEntry("userCount", 2)
        .containsEntry("isNew", true)
        .containsEntry("isRegressed", false);
    assertThat(page.getInt("issues[1].count")).isEqualTo(5);
    assertThat(page.getInt("issues[1].userCount")).isEqualTo(1);
    assertThat(page.getBoolean("issues[2].isNew")).isFalse();
  }

  @Test
  void sortsByEventsAndByUsers() {
    assertThat(list("sort=events").getList("issues.id", Long.class)).containsExactly(typeError, valueError, diskFull);
    assertThat(list("sort=users").getList("issues.id", Long.class)).containsExactly(valueError, typeError, diskFull);
    assertThat(list("sort=firstSeen").getList("issues.id", Long.class)).containsExactly(valueError, typeError, diskFull);
  }

  @Test
  void filtersOnEventFields() {
    JsonPath staging = list("environment=staging");
    assertThat(staging.getList("issues.id", Long.class)).containsExactly(typeError);
    assertThat(staging.getInt("issues[0].count")).isEqualTo(5);
    assertThat(list("level=warning").getList("issues.id", Long.class)).containsExactly(diskFull);
    assertThat(list("release=1.0").getList("issues.id", Long.class)).containsExactly(valueError, diskFull);
  }

  @Test
  void searchesTitleCulpritAndMessages() {
    assertThat(list("query=typeerror").getList("issues.id", Long.class)).containsExactly(typeError);
    assertThat(list("query=get_user").getList("issues.id", Long.class)).containsExactly(valueError);
    assertThat(search("Connection Refused")).containsExactly(valueError);
    assertThat(search("100%")).isEmpty();
    assertThat(search("x_is")).isEmpty();
  }

  @Test
  void countsOnlyEventsInTheRange() {
    JsonPath page = list("start=" + ago(48).getEpochSecond() + "&end=" + now.plusSeconds(1));
    assertThat(page.getList("issues.id", Long.class)).containsExactly(valueError, typeError);
    assertThat(page.getInt("issues[1].count")).isEqualTo(4);
    assertThat(list("start=" + ago(600)).getList("issues.id", Long.class)).contains(ancient);
  }

  @Test
  void statsAreHourlyForShortRangesAndDailyForLongOnes() {
    JsonPath hourly = list("start=" + ago(24) + "&end=" + now.plusSeconds(1));
    assertThat(hourly.getString("statsPeriod")).isEqualTo("hour");
    List<Map<String, Object>> stats = hourly.getList("issues.find { it.id == " + typeError + " }.stats");
    assertThat(stats).hasSizeBetween(24, 25);
    assertThat(stats.stream().mapToInt(b -> (Integer) b.get("count")).sum()).isEqualTo(4);
    assertThat(stats).allSatisfy(b -> assertThat(((Number) b.get("t")).longValue() % 3600).isZero());

    JsonPath daily = list("");
    List<Map<String, Object>> days = daily.getList("issues.find { it.id == " + typeError + " }.stats");
    assertThat(days).hasSizeBetween(14, 15);
    assertThat(days.stream().mapToInt(b -> (Integer) b.get("count")).sum()).isEqualTo(5);
    assertThat(days).allSatisfy(b -> assertThat(((Number) b.get("t")).longValue() % 86400).isZero());
  }

  @Test
  void pagesWithAnOpaqueCursor() {
    JsonPath first = list("sort=events&limit=2");
    assertThat(first.getList("issues.id", Long.class)).containsExactly(typeError, valueError);
    String cursor = first.getString("nextCursor");
    assertThat(cursor).isNotNull();
    JsonPath second = list("sort=events&limit=2&cursor=" + cursor);
    assertThat(second.getList("issues.id", Long.class)).containsExactly(diskFull);
    assertThat(second.getString("nextCursor")).isNull();
    api().get("/api/v1/projects/" + project + "/issues?sort=users&cursor=" + cursor).then().statusCode(400);
  }

  @Test
  void rejectsBadParameters() {
    for (String query : List.of("status=bogus", "sort=oldest", "start=yesterday", "limit=0", "limit=101", "cursor=%%%")) {
      api()
          .get("/api/v1/projects/" + project + "/issues?" + query)
          .then()
          .statusCode(400)
          .contentType("application/json");
    }
    String detail =
        api().get("/api/v1/projects/" + project + "/issues?status=bogus").then().extract().path("detail");
    assertThat(detail).contains("bogus").contains("resolvedInNextRelease");
  }

  @Test
  void requiresTheAdminToken() {
    given().get("/api/v1/projects").then().statusCode(401).body("detail", notNullValue());
    given().header("Authorization", "Bearer wrong").get("/api/v1/issues/" + valueError).then().statusCode(401);
    given().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void showsAnIssueWithCountsTagsAndGroupingInputs() {
    JsonPath issue = api().get("/api/v1/issues/" + typeError).then().statusCode(200).extract().jsonPath();
    assertThat(issue.getInt("count")).isEqualTo(5);
    assertThat(issue.getInt("userCount")).isEqualTo(1);
    assertThat(issue.getList("stats")).hasSize(24);
    assertThat(issue.getList("dailyStats")).hasSize(30);
    assertThat(issue.getString("groupingComponents[0].id")).isEqualTo("exception");
    assertThat(issue.getList("tags.key")).contains("environment", "release", "browser", "level");
    assertThat(issue.getString("tags.find { it.key == 'browser' }.topValues[0].value")).isEqualTo("Chrome");
    api().get("/api/v1/issues/999999999").then().statusCode(404).body("detail", containsString("999999999"));
  }

  @Test
  void distributesTagValues() {
    JsonPath browser = api().get("/api/v1/issues/" + typeError + "/tags/browser").then().statusCode(200).extract().jsonPath();
    assertThat(browser.getInt("totalValues")).isEqualTo(5);
    assertThat(browser.getList("topValues.value")).containsExactly("Chrome", "Firefox");
    assertThat(browser.getList("topValues.count", Integer.class)).containsExactly(4, 1);
    assertThat(Instant.parse(browser.getString("topValues[1].firstSeen"))).isEqualTo(ago(72));

    JsonPath all = api().get("/api/v1/issues/" + valueError + "/tags").then().statusCode(200).extract().jsonPath();
    assertThat(all.getInt("find { it.key == 'environment' }.totalValues")).isEqualTo(3);
    assertThat(all.getInt("find { it.key == 'user' }.uniqueValues")).isEqualTo(2);
    api().get("/api/v1/issues/" + valueError + "/tags/browser").then().statusCode(404);
  }

  @Test
  void pagesAnIssuesEventsNewestFirst() {
    JsonPath first = api().get("/api/v1/issues/" + typeError + "/events?limit=2").then().statusCode(200).extract().jsonPath();
    JsonPath second =
        api().get("/api/v1/issues/" + typeError + "/events?limit=2&cursor=" + first.getString("nextCursor"))
            .then().statusCode(200).extract().jsonPath();
    JsonPath third =
        api().get("/api/v1/issues/" + typeError + "/events?limit=2&cursor=" + second.getString("nextCursor"))
            .then().statusCode(200).extract().jsonPath();
    assertThat(third.getString("nextCursor")).isNull();
    List<String> times = new ArrayList<>();
    times.addAll(first.getList("events.timestamp"));
    times.addAll(second.getList("events.timestamp"));
    times.addAll(third.getList("events.timestamp"));
    assertThat(times).hasSize(5);
    assertThat(times.stream().map(Instant::parse).toList()).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(first.getString("events[0].environment")).isEqualTo("staging");

    List<String> valueErrorIds =
        api().get("/api/v1/issues/" + valueError + "/events").then().statusCode(200).extract().jsonPath().getList("events.eventId");
    assertThat(valueErrorIds).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void readsAnEventWithItsNeighbours() {
    String id = hex(tracedEvent);
    JsonPath event = api().get("/api/v1/issues/" + valueError + "/events/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(event.getString("eventId")).isEqualTo(id);
    assertThat(event.getString("traceId")).isEqualTo(TRACE);
    assertThat(event.getString("message")).isEqualTo("connection refused to db");
    assertThat(event.getString("user.id")).isEqualTo("2");
    assertThat(event.getString("event.sdk.name")).isEqualTo("sentry.python");
    assertThat(event.getString("previousEventId")).isEqualTo(hex(firstValueError));
    assertThat(event.getString("nextEventId")).isEqualTo(hex(lastValueError));

    JsonPath latest = api().get("/api/v1/issues/" + valueError + "/events/latest").then().statusCode(200).extract().jsonPath();
    assertThat(latest.getString("eventId")).isEqualTo(hex(lastValueError));
    assertThat(latest.getString("nextEventId")).isNull();
    JsonPath oldest = api().get("/api/v1/issues/" + valueError + "/events/oldest").then().statusCode(200).extract().jsonPath();
    assertThat(oldest.getString("eventId")).isEqualTo(hex(firstValueError));
    assertThat(oldest.getString("previousEventId")).isNull();

    api().get("/api/v1/issues/" + typeError + "/events/" + id).then().statusCode(404);
    api().get("/api/v1/issues/" + valueError + "/events/not-an-id").then().statusCode(400);
  }

  @Test
  void findsEventsByIdAndByTrace() {
    JsonPath event =
        api().get("/api/v1/projects/" + project + "/events/" + tracedEvent.eventId()).then().statusCode(200).extract().jsonPath();
    assertThat(event.getLong("issueId")).isEqualTo(valueError);
    assertThat(event.getString("traceId")).isEqualTo(TRACE);

    JsonPath trace =
        api().get("/api/v1/projects/" + project + "/traces/" + TRACE + "/events").then().statusCode(200).extract().jsonPath();
    assertThat(trace.getList("eventId")).containsExactly(hex(tracedEvent));
    assertThat(trace.getLong("[0].issueId")).isEqualTo(valueError);

    api().get("/api/v1/projects/" + project + "/traces/xyz/events").then().statusCode(400);
    long other = Seed.project("other");
    api().get("/api/v1/projects/" + other + "/events/" + hex(tracedEvent)).then().statusCode(404);
    api().get("/api/v1/projects/" + other + "/traces/" + TRACE + "/events").then().statusCode(200).body("size()", is(0));
  }

  private static String hex(E e) {
    return e.eventId().toString().replace("-", "");
  }
}
