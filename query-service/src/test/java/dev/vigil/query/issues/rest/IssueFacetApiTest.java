package dev.vigil.query.issues.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The issue list's filter choices: the environments, releases and levels that exist in a range. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueFacetApiTest {

  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  long project;

  @BeforeEach
  void seed() {
    if (project != 0) {
      return;
    }
    Seed seed = new Seed(upserts, storage);
    project = Seed.project("facets");
    long checkout = seed.issue(project, "KeyError: cart", "shop.cart in add", "error", ago(400), ago(1));
    long slow = seed.issue(project, "Slow query", "db", "warning", ago(2), ago(2));
    seed.events(
        E.of(project, checkout, ago(400)).env("production").release("shop@1.0"),
        E.of(project, checkout, ago(5)).env("production").release("shop@1.1"),
        E.of(project, checkout, ago(3)).env("production").release("shop@1.1"),
        E.of(project, checkout, ago(1)).env("staging").release("shop@1.2"),
        E.of(project, slow, ago(2)).env("production").release("shop@1.1").level(Level.WARNING));
    // Another project's values must never be offered.
    long other = Seed.project("facets-other");
    long foreign = seed.issue(other, "Foreign", "x", "error", ago(1), ago(1));
    seed.events(E.of(other, foreign, ago(1)).env("secret-env").release("other@9"));
  }

  private Instant ago(long hours) {
    return now.minus(Duration.ofHours(hours));
  }

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN);
  }

  private JsonPath facets(String query) {
    return api()
        .get("/api/v1/projects/" + project + "/issues/facets" + (query.isEmpty() ? "" : "?" + query))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void offersTheValuesOfTheLastTwoWeeksMostFrequentFirst() {
    JsonPath page = facets("");
    assertThat(page.getList("facets.key")).containsExactly("environment", "release", "level");
    assertThat(page.getList("facets[0].topValues.value")).containsExactly("production", "staging");
    assertThat(page.getList("facets[0].topValues.count", Integer.class)).containsExactly(3, 1);
    // shop@1.0 is older than two weeks.
    assertThat(page.getList("facets[1].topValues.value")).containsExactly("shop@1.1", "shop@1.2");
    assertThat(page.getList("facets[2].topValues.value")).containsExactly("error", "warning");
    assertThat(Instant.parse(page.getString("facets[1].topValues[1].lastSeen"))).isEqualTo(ago(1));
    assertThat(Instant.parse(page.getString("end")).minus(Duration.ofDays(14)))
        .isEqualTo(Instant.parse(page.getString("start")));
  }

  @Test
  void followsTheRangeAndTheLimit() {
    JsonPath lastHours = facets("start=" + ago(4) + "&end=" + now.plusSeconds(1));
    assertThat(lastHours.getList("facets[1].topValues.value")).containsExactly("shop@1.1", "shop@1.2");
    assertThat(lastHours.getList("facets[1].topValues.count", Integer.class)).containsExactly(2, 1);

    JsonPath longAgo = facets("start=" + ago(500).getEpochSecond() + "&limit=1");
    assertThat(longAgo.getList("facets[1].topValues.value")).containsExactly("shop@1.1");
    assertThat(longAgo.getInt("facets[1].uniqueValues")).isEqualTo(3);
    assertThat(longAgo.getInt("facets[1].totalValues")).isEqualTo(5);

    JsonPath empty = facets("start=" + ago(1000) + "&end=" + ago(900));
    assertThat(empty.getList("facets.key")).containsExactly("environment", "release", "level");
    for (int i = 0; i < 3; i++) {
      assertThat(empty.getList("facets[" + i + "].topValues")).isEmpty();
    }
  }

  @Test
  void rejectsBadParametersAndUnknownProjects() {
    for (String query : List.of("start=yesterday", "limit=0", "limit=201", "start=" + now + "&end=" + ago(1))) {
      api().get("/api/v1/projects/" + project + "/issues/facets?" + query).then().statusCode(400);
    }
    api().get("/api/v1/projects/999999999/issues/facets").then().statusCode(404);
    given().get("/api/v1/projects/" + project + "/issues/facets").then().statusCode(401);
  }
}
