package dev.vigil.query.issues.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Seed.E;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status changes: bulk within a project, one issue by id, and what the list shows afterwards. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class IssueStatusApiTest {

  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  private static RequestSpecification api() {
    return given().header("Authorization", Seed.TOKEN).contentType("application/json");
  }

  @Test
  void resolvesInBulkOnlyWithinTheProject() {
    Seed seed = new Seed(upserts, storage);
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    long project = Seed.project("status");
    long otherProject = Seed.project("status-other");
    long a = seed.issue(project, "A: a", "a", "error", hourAgo, hourAgo);
    long b = seed.issue(project, "B: b", "b", "error", hourAgo, hourAgo);
    long foreign = seed.issue(otherProject, "C: c", "c", "error", hourAgo, hourAgo);
    seed.events(E.of(project, a, hourAgo), E.of(project, b, hourAgo), E.of(otherProject, foreign, hourAgo));

    api()
        .body(Map.of("status", "resolved"))
        .put("/api/v1/projects/" + project + "/issues?id=" + a + "&id=" + foreign)
        .then()
        .statusCode(200)
        .body("updated", is(1));

    assertThat(ids(project, "")).containsExactly(b);
    assertThat(ids(project, "status=resolved")).containsExactly(a);
    assertThat(ids(project, "status=all")).containsExactlyInAnyOrder(a, b);
    assertThat(ids(otherProject, "")).containsExactly(foreign);
    api().get("/api/v1/issues/" + foreign).then().body("status", is("unresolved"));
  }

  @Test
  void changesOneIssueAndRejectsUnknownStatuses() {
    Seed seed = new Seed(upserts, storage);
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    long project = Seed.project("status-one");
    long issue = seed.issue(project, "D: d", "d", "error", hourAgo, hourAgo);

    api().body(Map.of("status", "ignored")).put("/api/v1/issues/" + issue).then().statusCode(200).body("status", is("ignored"));
    api().body(Map.of("status", "unresolved")).put("/api/v1/issues/" + issue).then().statusCode(200).body("status", is("unresolved"));
    api().body(Map.of("status", "closed")).put("/api/v1/issues/" + issue).then().statusCode(400).body("detail", containsString("closed"));
    api().body(Map.of("status", "resolved")).put("/api/v1/issues/999999999").then().statusCode(404);
    api().body(Map.of("status", "resolved")).put("/api/v1/projects/" + project + "/issues").then().statusCode(400);
    api().body("{not json").put("/api/v1/issues/" + issue).then().statusCode(400);
  }

  @Test
  void showsARegressionAfterAResolvedIssueReceivesAnEvent() {
    Seed seed = new Seed(upserts, storage);
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
    long project = Seed.project("regress");
    long issue = seed.issue(project, "regress-hash", "R: r", "r", "error", twoHoursAgo, twoHoursAgo);
    seed.events(E.of(project, issue, twoHoursAgo));
    api().body(Map.of("status", "resolved")).put("/api/v1/issues/" + issue).then().statusCode(200);

    Instant later = Instant.now().plusSeconds(1);
    assertThat(seed.issue(project, "regress-hash", "R: r", "r", "error", later, later)).isEqualTo(issue);
    seed.events(E.of(project, issue, later));

    api()
        .get("/api/v1/projects/" + project + "/issues?end=" + later.plusSeconds(5))
        .then()
        .statusCode(200)
        .body("issues[0].id", is((int) issue))
        .body("issues[0].isRegressed", is(true))
        .body("issues[0].count", is(2));
  }

  private static List<Long> ids(long project, String query) {
    return api().get("/api/v1/projects/" + project + "/issues" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().jsonPath().getList("issues.id", Long.class);
  }
}
