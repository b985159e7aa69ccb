package dev.vigil.query.sentryapi.releases;

import dev.vigil.state.releases.Release;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A release as Sentry's API shows it; sentry-cli reads version, dateCreated, dateReleased, lastEvent, newGroups, projects and lastCommit. */
record ReleaseJson(
    long id,
    String version,
    String shortVersion,
    String status,
    String ref,
    String url,
    Instant dateCreated,
    Instant dateStarted,
    Instant dateReleased,
    Instant firstEvent,
    Instant lastEvent,
    int newGroups,
    Map<String, Object> data,
    Object owner,
    int commitCount,
    CommitRef lastCommit,
    int deployCount,
    DeployJson lastDeploy,
    List<Object> authors,
    List<ProjectJson> projects) {

  /** The last commit, by id. */
  record CommitRef(String id) {}

  /** A project of the release. */
  record ProjectJson(String id, String slug, String name, String platform, List<String> platforms, int newGroups, boolean hasHealthData) {}

  static ReleaseJson of(Release r) {
    return new ReleaseJson(
        r.id(),
        r.version(),
        r.version(),
        "open",
        r.ref(),
        r.url(),
        r.dateCreated(),
        r.dateStarted(),
        r.dateReleased(),
        r.firstEvent(),
        r.lastEvent(),
        r.newGroups(),
        Map.of(),
        null,
        r.commitCount(),
        r.lastCommitId() == null ? null : new CommitRef(r.lastCommitId()),
        r.deployCount(),
        r.lastDeploy() == null ? null : DeployJson.of(r.lastDeploy()),
        List.of(),
        r.projects().stream()
            .map(p -> new ProjectJson(String.valueOf(p.id()), p.slug(), p.name(), p.platform(), List.of(p.platform()), p.newGroups(), false))
            .toList());
  }
}
