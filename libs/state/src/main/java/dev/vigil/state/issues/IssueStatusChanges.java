package dev.vigil.state.issues;

import dev.vigil.domain.IssueStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Changes the workflow status of issues, in bulk, within one project. */
@ApplicationScoped
public class IssueStatusChanges {

  /**
   * Sets the status of the given issues of a project; ids of other projects are ignored. Resolving
   * records when (and, for "next release", against which release) so that regressions can be told.
   *
   * @return how many issues changed
   */
  public Uni<Integer> change(long projectId, List<Long> issueIds, IssueStatus status) {
    if (issueIds.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return Panache.withTransaction(
        () -> IssueEntity.update(assignments(status) + " where projectId = ?2 and id in ?3", status.wireName(), projectId, issueIds));
  }

  /**
   * Sets the status of every issue of the project that has one of {@code currentStatuses} (Sentry's
   * bulk change by filter, e.g. resolve everything unresolved).
   *
   * @return how many issues changed
   */
  public Uni<Integer> changeWhereStatus(long projectId, Set<String> currentStatuses, IssueStatus status) {
    if (currentStatuses.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return Panache.withTransaction(
        () ->
            IssueEntity.update(
                assignments(status) + " where projectId = ?2 and status in ?3", status.wireName(), projectId, currentStatuses));
  }

  private static String assignments(IssueStatus status) {
    return switch (status) {
      case RESOLVED -> "status = ?1, resolvedAt = current_timestamp, resolvedInRelease = null";
      case RESOLVED_IN_NEXT_RELEASE -> "status = ?1, resolvedAt = current_timestamp, resolvedInRelease = lastRelease";
      case UNRESOLVED, IGNORED -> "status = ?1, resolvedAt = null, resolvedInRelease = null";
    };
  }
}
