package dev.vigil.processor.events;

import static dev.vigil.processor.sourcemaps.SourceMapFixtures.BUILD_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.domain.IssueStatus;
import dev.vigil.processor.EdgeRecords;
import dev.vigil.processor.sourcemaps.SourceMapFixtures;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.issues.IssueStatusChanges;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.Projects;
import dev.vigil.state.releases.NewRelease;
import dev.vigil.state.releases.Release;
import dev.vigil.state.releases.Releases;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.TestTopics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events name their release: it is created and linked when missing, and "resolved in next release" holds until a newer one (local stack). */
@QuarkusTest
class ReleaseLinkingTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject Projects projects;
  @Inject Releases releases;
  @Inject IssueStatusChanges statusChanges;
  @Inject ClickHouseStorage clickhouse;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private EdgeRecords edge;
  private long projectId;
  private long organizationId;
  private String suffix;

  @BeforeEach
  void newProjectAndProducer() throws Throwable {
    suffix = UUID.randomUUID().toString().substring(0, 8);
    String slug = "releases-" + suffix;
    ProjectEntity project = VertxContextSupport.subscribeAndAwait(() -> projects.create("processor-tests", slug, slug, "node"));
    projectId = project.id;
    organizationId = project.organization.id;
    edge = new EdgeRecords(bootstrap);
  }

  @AfterEach
  void closeProducer() {
    edge.close();
  }

  @Test
  void anEventOfAnUnknownReleaseCreatesItWithTheProjectAndCountsItsNewIssue() throws Throwable {
    String version = "checkout@" + suffix;

    send(version);

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(version)).isNotNull());
    await().atMost(WAIT).untilAsserted(() -> {
      Release release = find(version);
      assertThat(release.projects()).singleElement().satisfies(p -> {
        assertThat(p.id()).isEqualTo(projectId);
        assertThat(p.newGroups()).isEqualTo(1);
      });
      assertThat(release.newGroups()).isEqualTo(1);
      assertThat(release.firstEvent()).isNotNull();
      assertThat(release.lastEvent()).isNotNull();
      assertThat(release.dateReleased()).isNull();
    });
  }

  @Test
  void aReleaseCreatedBySentryCliGainsTheProjectOfItsFirstEvent() throws Throwable {
    String version = "checkout@" + suffix;
    ProjectEntity other = VertxContextSupport.subscribeAndAwait(
        () -> projects.create("processor-tests", "other-" + suffix, "other-" + suffix, "node"));
    VertxContextSupport.subscribeAndAwait(
        () -> releases.create(organizationId, new NewRelease(version, "abc123", null, null, null, List.of(other.id))));

    send(version);

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(version).projects())
        .extracting(p -> p.id()).containsExactlyInAnyOrder(other.id, projectId));
    assertThat(find(version).ref()).isEqualTo("abc123");
  }

  @Test
  void anIssueResolvedInTheNextReleaseStaysResolvedForItsAndOlderReleasesAndRegressesWithANewerOne() throws Throwable {
    String older = "checkout@" + suffix + "-0";
    VertxContextSupport.subscribeAndAwait(
        () -> releases.create(organizationId, new NewRelease(older, null, null, null, null, List.of(projectId))));
    String current = "checkout@" + suffix + "-1";
    send(current);
    await().atMost(WAIT).untilAsserted(() -> assertThat(issues()).hasSize(1));
    long issueId = issues().get(0).id;
    VertxContextSupport.subscribeAndAwait(
        () -> statusChanges.change(projectId, List.of(issueId), IssueStatus.RESOLVED_IN_NEXT_RELEASE));

    send(current);
    await().atMost(WAIT).untilAsserted(() -> assertThat(storedEvents()).isEqualTo(2));
    send(older);
    await().atMost(WAIT).untilAsserted(() -> assertThat(storedEvents()).isEqualTo(3));
    assertThat(issues()).singleElement().satisfies(i -> {
      assertThat(i.status).isEqualTo("resolvedInNextRelease");
      assertThat(i.regressedAt).isNull();
    });

    send("checkout@" + suffix + "-2");
    await().atMost(WAIT).untilAsserted(() -> assertThat(issues()).singleElement().satisfies(i -> {
      assertThat(i.status).isEqualTo("unresolved");
      assertThat(i.regressedAt).isNotNull();
    }));
  }

  private void send(String release) throws Exception {
    String eventId = UUID.randomUUID().toString().replace("-", "");
    String text = SourceMapFixtures.fresh(BUILD_A.envelope(), eventId, release);
    edge.send(TestTopics.INGEST_EVENTS, eventId, text.getBytes(StandardCharsets.UTF_8), projectId);
  }

  /** Events of this test's project in ClickHouse: stored after their issue was recorded in PostgreSQL. */
  private long storedEvents() throws Exception {
    try (java.sql.Connection c = clickhouse.connection();
        java.sql.PreparedStatement ps = c.prepareStatement(clickhouse.qualify(
            "SELECT count() FROM ${database}.events FINAL WHERE project_id = ?"))) {
      ps.setLong(1, projectId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Release find(String version) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> releases.find(organizationId, version));
  }

  private List<IssueEntity> issues() throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () -> Panache.withSession(() -> IssueEntity.<IssueEntity>list("projectId = ?1 order by id", projectId)));
  }
}
