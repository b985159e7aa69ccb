package dev.vigil.processor.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links events to their release, as Sentry does: a release an event names is created in the project's
 * organization when sentry-cli did not create it, and the project is added to it. The pairs already
 * linked are remembered (bounded), so PostgreSQL is asked once per new release and project.
 */
@ApplicationScoped
class ImplicitReleases {

  /** A (project, version) pair an event carried. */
  record ProjectRelease(long projectId, String version) {}

  private static final int REMEMBERED = 10_000;
  private static final Set<String> RESERVED = Set.of(".", "..", "latest");

  private final Pool pool;
  private final Set<ProjectRelease> linked = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ProjectRelease, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      }));

  ImplicitReleases(Pool pool) {
    this.pool = pool;
  }

  /** Sentry's rule for a version: 1-200 characters, no line breaks, tabs or slashes, not "." , ".." or "latest". */
  static boolean isValidVersion(String version) {
    return version != null && !version.isBlank() && version.length() <= 200 && !RESERVED.contains(version)
        && version.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t' || c == '/');
  }

  /** The pairs not yet known to be linked. */
  List<ProjectRelease> unlinked(Collection<ProjectRelease> pairs) {
    return pairs.stream().distinct().filter(p -> isValidVersion(p.version()) && !linked.contains(p)).toList();
  }

  /** Creates the missing releases and links their projects, in one transaction. */
  Uni<Void> link(List<ProjectRelease> pairs) {
    if (pairs.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Long[] projects = pairs.stream().map(ProjectRelease::projectId).toArray(Long[]::new);
    String[] versions = pairs.stream().map(ProjectRelease::version).toArray(String[]::new);
    return pool.withTransaction(c -> c.preparedQuery(
                "INSERT INTO releases (organization_id, version)"
                    + " SELECT DISTINCT p.organization_id, e.version FROM unnest($1::bigint[], $2::text[]) AS e(project_id, version)"
                    + " JOIN projects p ON p.id = e.project_id ORDER BY 1, 2"
                    + " ON CONFLICT (organization_id, version) DO NOTHING")
            .execute(Tuple.of(projects, versions))
            .chain(() -> c.preparedQuery(
                    "INSERT INTO release_projects (release_id, project_id)"
                        + " SELECT DISTINCT r.id, p.id FROM unnest($1::bigint[], $2::text[]) AS e(project_id, version)"
                        + " JOIN projects p ON p.id = e.project_id"
                        + " JOIN releases r ON r.organization_id = p.organization_id AND r.version = e.version"
                        + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(projects, versions))))
        .invoke(() -> linked.addAll(pairs))
        .replaceWithVoid();
  }
}
