package dev.vigil.state.releases;

import java.time.Instant;
import java.util.List;

/** A release of an organization: a version, the projects it ships, its commits and deploys in summary. */
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
    Deploy lastDeploy) {

  /** A release is finalized once it has a release date. */
  public boolean finalized() {
    return dateReleased != null;
  }
}
