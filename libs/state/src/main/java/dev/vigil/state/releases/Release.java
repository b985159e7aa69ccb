package dev.vigil.state.releases;

import java.time.Instant;
import java.util.List;

/**
 * A release of an organization: a version, the projects it ships, its commits and deploys in summary,
 * and its activity from the issues of its projects: {@code newGroups} issues first seen in it,
 * {@code firstEvent} the earliest first-seen of those, {@code lastEvent} the latest last-seen of the
 * issues whose latest event came from it (both null when none). The two dates are approximations
 * PostgreSQL answers cheaply; an event of an older issue is not counted in them.
 */
public record Release(
    long id,
    long organizationId,
    String version,
    String ref,
    String url,
    Instant dateCreated,
    Instant dateStarted,
    Instant dateReleased,
    List<ReleaseProject> projects,
    int commitCount,
    String lastCommitId,
    int deployCount,
    Deploy lastDeploy,
    int newGroups,
    Instant firstEvent,
    Instant lastEvent) {

  /** A release is finalized once it has a release date. */
  public boolean finalized() {
    return dateReleased != null;
  }
}
