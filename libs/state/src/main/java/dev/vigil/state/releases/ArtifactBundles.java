package dev.vigil.state.releases;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Source-map artifact bundles uploaded by sentry-cli and the lookups symbolication needs: a file by
 * project, release, dist and URL, or by debug id.
 */
@ApplicationScoped
public class ArtifactBundles {

  private static final String FILE_COLUMNS = "f.path, f.url, f.type, f.debug_id, f.sourcemap, f.headers, f.content";

  private final Pool pool;

  ArtifactBundles(Pool pool) {
    this.pool = pool;
  }

  /**
   * Whether a bundle with this checksum was assembled for the organization; if so the projects are
   * linked to it too (the same bundle uploaded for another project).
   */
  public Uni<Boolean> linkIfPresent(long organizationId, String checksum, List<Long> projectIds) {
    return pool.withTransaction(
        c ->
            c.preparedQuery("SELECT id FROM artifact_bundles WHERE organization_id = $1 AND checksum = $2")
                .execute(Tuple.of(organizationId, checksum))
                .chain(
                    rows -> {
                      if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                      }
                      return linkProjects(c, rows.iterator().next().getLong(0), projectIds).map(v -> true);
                    }));
  }

  /** Stores the bundle and its files; a bundle already stored under this checksum only gains the projects. */
  public Uni<Long> store(long organizationId, NewArtifactBundle bundle) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "INSERT INTO artifact_bundles (organization_id, checksum, bundle_id, release, dist, file_count)"
                        + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organization_id, checksum) DO NOTHING RETURNING id")
                .execute(
                    Tuple.from(
                        Arrays.asList(
                            organizationId, bundle.checksum(), bundle.bundleId(), bundle.release(), bundle.dist(), bundle.files().size())))
                .chain(
                    inserted -> {
                      if (inserted.size() == 0) {
                        return c.preparedQuery("SELECT id FROM artifact_bundles WHERE organization_id = $1 AND checksum = $2")
                            .execute(Tuple.of(organizationId, bundle.checksum()))
                            .map(rows -> rows.iterator().next().getLong(0));
                      }
                      long id = inserted.iterator().next().getLong(0);
                      return insertFiles(c, id, bundle.files()).map(v -> id);
                    })
                .call(id -> linkProjects(c, id, bundle.projectIds())));
  }

  /**
   * The newest file of the project's bundles for the release and dist (null dist: bundles without one)
   * served at one of the URLs, preferring the first URL that matches; null when none does.
   */
  public Uni<BundleFile> findByUrl(long projectId, String release, String dist, List<String> urls) {
    return pool.preparedQuery(
            "SELECT " + FILE_COLUMNS + " FROM artifact_bundle_files f"
                + " JOIN artifact_bundles b ON b.id = f.bundle_id"
                + " JOIN artifact_bundle_projects bp ON bp.bundle_id = b.id"
                + " WHERE bp.project_id = $1 AND b.release = $2 AND b.dist IS NOT DISTINCT FROM $3 AND f.url = ANY($4)"
                + " ORDER BY array_position($4, f.url), b.date_created DESC, b.id DESC LIMIT 1")
        .execute(Tuple.of(projectId, release, dist, urls.toArray(new String[0])))
        .map(ArtifactBundles::first);
  }

  /** The newest file of the project's bundles with this debug id and type (minified_source or source_map). */
  public Uni<BundleFile> findByDebugId(long projectId, String debugId, String type) {
    return pool.preparedQuery(
            "SELECT " + FILE_COLUMNS + " FROM artifact_bundle_files f"
                + " JOIN artifact_bundle_projects bp ON bp.bundle_id = f.bundle_id"
                + " WHERE bp.project_id = $1 AND f.debug_id = $2 AND f.type = $3 ORDER BY f.id DESC LIMIT 1")
        .execute(Tuple.of(projectId, DebugIds.normalize(debugId), type))
        .map(ArtifactBundles::first);
  }

  /** The files of the project's bundles for a release (and dist), without their content, by URL. */
  public Uni<List<String>> urls(long projectId, String release, String dist) {
    return pool.preparedQuery(
            "SELECT DISTINCT f.url FROM artifact_bundle_files f JOIN artifact_bundles b ON b.id = f.bundle_id"
                + " JOIN artifact_bundle_projects bp ON bp.bundle_id = b.id"
                + " WHERE bp.project_id = $1 AND b.release = $2 AND b.dist IS NOT DISTINCT FROM $3 ORDER BY f.url")
        .execute(Tuple.of(projectId, release, dist))
        .map(rows -> {
          List<String> urls = new ArrayList<>();
          rows.forEach(r -> urls.add(r.getString(0)));
          return urls;
        });
  }

  private static Uni<Void> linkProjects(SqlConnection c, long bundleId, List<Long> projectIds) {
    return c.preparedQuery(
            "INSERT INTO artifact_bundle_projects (bundle_id, project_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(bundleId, projectIds.toArray(new Long[0])))
        .replaceWithVoid();
  }

  private static Uni<Void> insertFiles(SqlConnection c, long bundleId, List<BundleFile> files) {
    if (files.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> rows =
        files.stream()
            .map(
                f ->
                    Tuple.from(
                        Arrays.asList(
                            bundleId,
                            f.path(),
                            f.url(),
                            f.type() == null ? "" : f.type(),
                            f.debugId() == null ? null : DebugIds.normalize(f.debugId()),
                            f.sourcemap(),
                            new JsonObject(new HashMap<>(f.headers())),
                            sha1(f.content()),
                            f.content().length,
                            Buffer.buffer(f.content()))))
            .toList();
    return c.preparedQuery(
            "INSERT INTO artifact_bundle_files (bundle_id, path, url, type, debug_id, sourcemap, headers, sha1, size, content)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        .executeBatch(rows)
        .replaceWithVoid();
  }

  private static BundleFile first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row r = rows.iterator().next();
    Map<String, String> headers = new HashMap<>();
    Object json = r.getValue("headers");
    if (json instanceof JsonObject object) {
      object.forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return new BundleFile(
        r.getString("path"),
        r.getString("url"),
        r.getString("type"),
        r.getString("debug_id"),
        r.getString("sourcemap"),
        Map.copyOf(headers),
        r.getBuffer("content").getBytes());
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
