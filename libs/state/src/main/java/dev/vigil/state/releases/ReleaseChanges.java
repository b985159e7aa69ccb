package dev.vigil.state.releases;

import java.time.Instant;
import java.util.List;

/**
 * Changes to a release; a null field is left as it is. Projects are added (Sentry never removes a
 * project from a release through an update); commits, when given, replace the release's commits.
 */
public record ReleaseChanges(String ref, String url, Instant dateReleased, List<Long> addProjectIds, List<ReleaseCommit> commits) {}
