package dev.vigil.state.releases;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Releases of an organization, identified by version as Sentry identifies them. Plain SQL through the
 * reactive client: a release is a row plus link tables, read with its summary (projects, commit and
 * deploy counts) in one statement.
 */
@ApplicationScoped
public class Releases {

  /** Whether a create made the release or found it (Sentry answers 201 or 208). */
  public record Created(Release release, boolean created) {}

  static final String SELECT =
      "SELECT r.id, r.organization_id, r.version, r.ref, r.url, r.date_created, r.date_started, r.date_released,"
          + " (SELECT json_agg(json_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'platform', p.platform,"
          + "    'newGroups', (SELECT count(*) FROM issues i WHERE i.project_id = p.id AND i.first_release = r.version))"
          + "    ORDER BY p.slug) FROM release_projects rp JOIN projects p ON p.id = rp.project_id"
          + "    WHERE rp.release_id = r.id) AS projects,"
          + " (SELECT count(*) FROM release_commits c WHERE c.release_id = r.id) AS commit_count,"
          + " (SELECT c.commit_id FROM release_commits c WHERE c.release_id = r.id"
          + "    ORDER BY c.committed_at DESC NULLS LAST, c.id DESC LIMIT 1) AS last_commit,"
          + " (SELECT count(*) FROM deploys d WHERE d.release_id = r.id) AS deploy_count,"
          + " (SELECT count(*) FROM issues i JOIN release_projects rp ON rp.project_id = i.project_id"
          + "    WHERE rp.release_id = r.id AND i.first_release = r.version) AS new_groups,"
          + " (SELECT min(i.first_seen) FROM issues i JOIN release_projects rp ON rp.project_id = i.project_id"
          + "    WHERE rp.release_id = r.id AND i.first_release = r.version) AS first_event,"
          + " (SELECT max(i.last_seen) FROM issues i JOIN release_projects rp ON rp.project_id = i.project_id"
          + "    WHERE rp.release_id = r.id AND i.last_release = r.version) AS last_event,"
          + " ld.id AS deploy_id, ld.environment, ld.name AS deploy_name, ld.url AS deploy_url,"
          + " ld.date_started AS deploy_started, ld.date_finished AS deploy_finished"
          + " FROM releases r LEFT JOIN LATERAL (SELECT * FROM deploys d WHERE d.release_id = r.id"
          + "    ORDER BY d.date_finished DESC, d.id DESC LIMIT 1) ld ON true";

  private final Pool pool;

  Releases(Pool pool) {
    this.pool = pool;
  }

  /** Creates the release, or adds the projects to the one with this version. */
  public Uni<Created> create(long organizationId, NewRelease release) {
    return pool.withTransaction(
            c ->
                c.preparedQuery(
                        "INSERT INTO releases (organization_id, version, ref, url, date_started, date_released)"
                            + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organization_id, version) DO NOTHING RETURNING id")
                    .execute(
                        Tuple.from(
                            Arrays.asList(
                                organizationId,
                                release.version(),
                                release.ref(),
                                release.url(),
                                Sql.time(release.dateStarted()),
                                Sql.time(release.dateReleased()))))
                    .chain(
                        inserted -> {
                          if (inserted.size() > 0) {
                            return Uni.createFrom().item(new long[] {inserted.iterator().next().getLong(0), 1});
                          }
                          return idOf(c, organizationId, release.version()).map(id -> new long[] {id, 0});
                        })
                    .call(idAndCreated -> addProjects(c, idAndCreated[0], release.projectIds())))
        .chain(idAndCreated -> find(organizationId, release.version()).map(r -> new Created(r, idAndCreated[1] == 1)));
  }

  /** The release with this version, or null. */
  public Uni<Release> find(long organizationId, String version) {
    return pool.preparedQuery(SELECT + " WHERE r.organization_id = $1 AND r.version = $2")
        .execute(Tuple.of(organizationId, version))
        .map(rows -> rows.size() == 0 ? null : release(rows.iterator().next()));
  }

  /**
   * Releases newest first, optionally only those of a project and those whose version contains {@code
   * query}; {@code limit} rows from {@code offset}.
   */
  public Uni<List<Release>> list(long organizationId, Long projectId, String query, int offset, int limit) {
    String sql =
        SELECT
            + " WHERE r.organization_id = $1"
            + " AND ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM release_projects rp WHERE rp.release_id = r.id AND rp.project_id = $2))"
            + " AND ($3::text IS NULL OR strpos(lower(r.version), lower($3)) > 0)"
            + " ORDER BY r.date_created DESC, r.id DESC OFFSET $4 LIMIT $5";
    return pool.preparedQuery(sql)
        .execute(Tuple.from(Arrays.asList(organizationId, projectId, query, offset, limit)))
        .map(Releases::releases);
  }

  /** Applies the changes; null when there is no release with this version. */
  public Uni<Release> update(long organizationId, String version, ReleaseChanges changes) {
    return pool.withTransaction(
            c ->
                c.preparedQuery(
                        "UPDATE releases SET ref = COALESCE($3, ref), url = COALESCE($4, url),"
                            + " date_released = COALESCE($5, date_released)"
                            + " WHERE organization_id = $1 AND version = $2 RETURNING id")
                    .execute(
                        Tuple.from(
                            Arrays.asList(
                                organizationId, version, changes.ref(), changes.url(), Sql.time(changes.dateReleased()))))
                    .chain(
                        rows -> {
                          if (rows.size() == 0) {
                            return Uni.createFrom().item(false);
                          }
                          long id = rows.iterator().next().getLong(0);
                          return addProjects(c, id, changes.addProjectIds())
                              .chain(() -> changes.commits() == null ? Uni.createFrom().voidItem() : replaceCommits(c, id, changes.commits()))
                              .map(v -> true);
                        }))
        .chain(updated -> updated ? find(organizationId, version) : Uni.createFrom().nullItem());
  }

  /** Deletes the release with its commits and deploys; false when there is none. */
  public Uni<Boolean> delete(long organizationId, String version) {
    return pool.preparedQuery("DELETE FROM releases WHERE organization_id = $1 AND version = $2")
        .execute(Tuple.of(organizationId, version))
        .map(rows -> rows.rowCount() > 0);
  }

  /** The release's commits, newest first. */
  public Uni<List<ReleaseCommit>> commits(long releaseId) {
    return pool.preparedQuery(
            "SELECT repository, commit_id, previous_commit, author_name, author_email, message, committed_at"
                + " FROM release_commits WHERE release_id = $1 ORDER BY committed_at DESC NULLS LAST, id DESC")
        .execute(Tuple.of(releaseId))
        .map(
            rows -> {
              List<ReleaseCommit> commits = new ArrayList<>();
              for (Row r : rows) {
                commits.add(
                    new ReleaseCommit(
                        r.getString("repository"),
                        r.getString("commit_id"),
                        r.getString("previous_commit"),
                        r.getString("author_name"),
                        r.getString("author_email"),
                        r.getString("message"),
                        Sql.instant(r, "committed_at")));
              }
              return commits;
            });
  }

  /**
   * The organization's projects named by slug or numeric id, as a release names them; names that match
   * no project are left out (the caller compares sizes to refuse unknown ones).
   */
  public Uni<List<ReleaseProject>> projects(long organizationId, Collection<String> slugsOrIds) {
    List<Long> ids = slugsOrIds.stream().filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong).toList();
    return pool.preparedQuery(
            "SELECT id, slug, name, platform FROM projects WHERE organization_id = $1"
                + " AND (slug = ANY($2) OR id = ANY($3)) ORDER BY slug")
        .execute(Tuple.of(organizationId, slugsOrIds.toArray(new String[0]), ids.toArray(new Long[0])))
        .map(
            rows -> {
              List<ReleaseProject> projects = new ArrayList<>();
              for (Row r : rows) {
                projects.add(new ReleaseProject(r.getLong("id"), r.getString("slug"), r.getString("name"), r.getString("platform")));
              }
              return projects;
            });
  }

  private static Uni<Long> idOf(SqlConnection c, long organizationId, String version) {
    return c.preparedQuery("SELECT id FROM releases WHERE organization_id = $1 AND version = $2")
        .execute(Tuple.of(organizationId, version))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Uni<Void> addProjects(SqlConnection c, long releaseId, List<Long> projectIds) {
    if (projectIds == null || projectIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return c.preparedQuery(
            "INSERT INTO release_projects (release_id, project_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(releaseId, projectIds.toArray(new Long[0])))
        .replaceWithVoid();
  }

  private static Uni<Void> replaceCommits(SqlConnection c, long releaseId, List<ReleaseCommit> commits) {
    Uni<RowSet<Row>> deleted = c.preparedQuery("DELETE FROM release_commits WHERE release_id = $1").execute(Tuple.of(releaseId));
    if (commits.isEmpty()) {
      return deleted.replaceWithVoid();
    }
    List<Tuple> rows =
        commits.stream()
            .map(
                k ->
                    Tuple.from(
                        Arrays.asList(
                            releaseId,
                            k.repository(),
                            k.commitId(),
                            k.previousCommit(),
                            k.authorName(),
                            k.authorEmail(),
                            k.message(),
                            Sql.time(k.committedAt()))))
            .toList();
    return deleted
        .chain(
            () ->
                c.preparedQuery(
                        "INSERT INTO release_commits (release_id, repository, commit_id, previous_commit, author_name,"
                            + " author_email, message, committed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                            + " ON CONFLICT (release_id, repository, commit_id) DO NOTHING")
                    .executeBatch(rows))
        .replaceWithVoid();
  }

  private static List<Release> releases(RowSet<Row> rows) {
    List<Release> releases = new ArrayList<>();
    for (Row row : rows) {
      releases.add(release(row));
    }
    return releases;
  }

  static Release release(Row row) {
    List<ReleaseProject> projects = new ArrayList<>();
    Object json = row.getValue("projects");
    if (json instanceof JsonArray array) {
      for (Object o : array) {
        JsonObject p = (JsonObject) o;
        Long newGroups = p.getLong("newGroups");
        projects.add(new ReleaseProject(p.getLong("id"), p.getString("slug"), p.getString("name"), p.getString("platform"),
            newGroups == null ? 0 : newGroups.intValue()));
      }
    }
    Long deployId = row.getLong("deploy_id");
    Deploy lastDeploy =
        deployId == null
            ? null
            : new Deploy(
                deployId,
                row.getString("environment"),
                row.getString("deploy_name"),
                row.getString("deploy_url"),
                Sql.instant(row, "deploy_started"),
                Sql.instant(row, "deploy_finished"));
    return new Release(
        row.getLong("id"),
        row.getLong("organization_id"),
        row.getString("version"),
        row.getString("ref"),
        row.getString("url"),
        Sql.instant(row, "date_created"),
        Sql.instant(row, "date_started"),
        Sql.instant(row, "date_released"),
        projects,
        row.getLong("commit_count").intValue(),
        row.getString("last_commit"),
        row.getLong("deploy_count").intValue(),
        lastDeploy,
        row.getLong("new_groups").intValue(),
        Sql.instant(row, "first_event"),
        Sql.instant(row, "last_event"));
  }
}
