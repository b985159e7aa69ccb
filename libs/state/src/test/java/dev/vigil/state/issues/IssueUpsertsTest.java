package dev.vigil.state.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.IssueStatus;
import dev.vigil.state.projects.Projects;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Taking back the issues a batch created when its events could not be stored: only while nobody
 * else wrote the issue, so another processor's events never point at a deleted issue.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class IssueUpsertsTest {

  @Inject IssueUpserts upserts;
  @Inject IssueStatusChanges statusChanges;
  @Inject Projects projects;

  private long projectId;

  @BeforeEach
  void newProject() {
    String slug = "upserts-" + UUID.randomUUID().toString().substring(0, 12);
    projectId = await(() -> projects.create("state-tests", slug, slug, "python")).id;
  }

  @Test
  void anIssueNobodyWroteSinceItsCreationIsDeleted() {
    IssueOutcome created = record(candidate("hash-a", Instant.now()));
    assertThat(created.created()).isTrue();

    assertThat(await(() -> upserts.deleteUnchanged(List.of(created)))).containsExactly(created.issueId());

    assertThat(issueIds()).isEmpty();
  }

  @Test
  void anIssueAnotherBatchRecordedEventsForIsKept() {
    IssueOutcome created = record(candidate("hash-b", Instant.now()));
    IssueOutcome other = record(candidate("hash-b", Instant.now().minusSeconds(5)));
    assertThat(other.created()).isFalse();
    assertThat(other.issueId()).isEqualTo(created.issueId());

    assertThat(await(() -> upserts.deleteUnchanged(List.of(created)))).isEmpty();

    assertThat(issueIds()).containsExactly(created.issueId());
  }

  @Test
  void anIssueAUserChangedIsKept() {
    IssueOutcome created = record(candidate("hash-c", Instant.now()));
    await(() -> statusChanges.change(projectId, List.of(created.issueId()), IssueStatus.RESOLVED));

    assertThat(await(() -> upserts.deleteUnchanged(List.of(created)))).isEmpty();

    assertThat(issueIds()).containsExactly(created.issueId());
  }

  private IssueOutcome record(IssueCandidate candidate) {
    return await(() -> upserts.record(List.of(candidate))).get(0);
  }

  private IssueCandidate candidate(String hash, Instant at) {
    return new IssueCandidate(projectId, hash, "KeyError: 'user'", "app.views", "KeyError", "error", "python", at, at,
        null, "newstyle:2023-01-11", "[]");
  }

  private List<Long> issueIds() {
    return await(() -> Panache.withSession(() -> IssueEntity.<IssueEntity>list("projectId = ?1 order by id", projectId)))
        .stream().map(i -> i.id).toList();
  }

  private static <T> T await(Supplier<Uni<T>> call) {
    try {
      return VertxContextSupport.subscribeAndAwait(call);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
