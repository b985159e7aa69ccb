package dev.vigil.query.ingestion.rest;

import static dev.vigil.query.TelemetrySeed.log;
import static dev.vigil.query.TelemetrySeed.span;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Seed.E;
import dev.vigil.query.TelemetrySeed;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The setup page's "has anything arrived yet?" answer, per signal, per project. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class IngestionStatusApiTest {

  @Inject ClickHouseStorage storage;
  @Inject IssueUpserts upserts;
  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;

  private static JsonPath status(long project) {
    return given().header("Authorization", Seed.TOKEN)
        .get("/api/v1/projects/" + project + "/ingestion-status").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aNewProjectHasReceivedNothingAndIsToldWhereToSendOtlp() {
    JsonPath fresh = status(Seed.project("ingestion-empty"));
    assertThat(fresh.getString("lastEventAt")).isNull();
    assertThat(fresh.getString("lastSpanAt")).isNull();
    assertThat(fresh.getString("lastLogAt")).isNull();
    assertThat(fresh.getString("lastMetricAt")).isNull();
    assertThat(Instant.parse(fresh.getString("since"))).isBefore(Instant.now().minus(29, ChronoUnit.DAYS));
    assertThat(fresh.getString("otlpGrpcUrl")).isEqualTo("http://localhost:4317");
    assertThat(fresh.getString("otlpHttpUrl")).isEqualTo("http://localhost:4318");
    assertThat(fresh.getString("otlpAuthHeader")).isEqualTo("authorization");
  }

  @Test
  void reportsTheNewestEventSpanLogAndSampleOfTheProjectOnly() {
    long project = Seed.project("ingestion");
    long neighbour = Seed.project("ingestion-neighbour");
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);
    Seed seed = new Seed(upserts, storage);
    long issue = seed.issue(project, "ValueError: first", "app in main", "error", t.minusSeconds(60), t);
    seed.events(E.of(project, issue, t.minusSeconds(60)), E.of(project, issue, t));
    TelemetrySeed telemetry = new TelemetrySeed(storage);
    String trace = UUID.randomUUID().toString().replace("-", "");
    telemetry.spans(
        span(project, trace, "a000000000000001", "", "checkout", "GET /", SpanKind.SERVER, StatusCode.UNSET, t.plusSeconds(1), 5, Map.of()));
    telemetry.logs(log(project, 1, "", "", "checkout", 9, "INFO", "started", t.plusSeconds(2)));
    storage.metricWriter().insert(
        new MetricBatch(List.of(), List.of(new MetricSample(project, "up", 7, t.plusSeconds(3).toEpochMilli(), 1)), List.of()),
        "test-" + UUID.randomUUID());

    JsonPath status = status(project);
    assertThat(status.getString("lastEventAt")).isEqualTo(t.toString());
    assertThat(status.getString("lastSpanAt")).isEqualTo(t.plusSeconds(1).toString());
    assertThat(status.getString("lastLogAt")).isEqualTo(t.plusSeconds(2).toString());
    assertThat(status.getString("lastMetricAt")).isEqualTo(t.plusSeconds(3).toString());
    assertThat(status(neighbour).getString("lastEventAt")).isNull();
    assertThat(status(neighbour).getString("lastLogAt")).isNull();
  }

  @Test
  void membersSeeTheirProjectsStatusAndOtherOrganizationsGet404() {
    Tenants tenants = new Tenants(accounts, organizations, tokens);
    Org org = tenants.organization("ingestion-org");
    Org stranger = tenants.organization("ingestion-stranger");
    long project = Tenants.project(org, "ingestion-p");
    Tenants.Session viewer = Tenants.login(tenants.member(org, Role.VIEWER));
    viewer.withoutCsrf().get("/api/v1/projects/" + project + "/ingestion-status").then().statusCode(200);
    Tenants.login(stranger.owner()).withoutCsrf().get("/api/v1/projects/" + project + "/ingestion-status").then().statusCode(404);
    given().get("/api/v1/projects/" + project + "/ingestion-status").then().statusCode(401);
  }
}
