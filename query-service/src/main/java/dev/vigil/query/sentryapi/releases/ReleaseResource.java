package dev.vigil.query.sentryapi.releases;

import dev.vigil.query.rest.ApiException;
import dev.vigil.state.releases.NewRelease;
import dev.vigil.state.releases.Release;
import dev.vigil.state.releases.ReleaseChanges;
import dev.vigil.state.releases.ReleaseCommit;
import dev.vigil.state.releases.ReleaseProject;
import dev.vigil.state.releases.Releases;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Sentry's release endpoints as sentry-cli calls them: {@code releases new}, {@code finalize}, {@code
 * set-commits}, {@code list}, {@code info}, {@code delete}; organization-scoped and project-scoped forms.
 */
@Path("/api/0")
public class ReleaseResource {

  private static final int MAX_PER_PAGE = 100;

  private final ReleaseAccess access;
  private final Releases releases;

  ReleaseResource(ReleaseAccess access, Releases releases) {
    this.access = access;
    this.releases = releases;
  }

  @GET
  @Path("/organizations/{org}/releases/")
  public Uni<List<ReleaseJson>> list(
      @PathParam("org") String org,
      @QueryParam("query") String query,
      @QueryParam("project") Long projectId,
      @QueryParam("per_page") @DefaultValue("100") int perPage) {
    return access
        .read(org)
        .chain(o -> releases.list(o.id, projectId, blankToNull(query), 0, Math.max(1, Math.min(perPage, MAX_PER_PAGE))))
        .map(list -> list.stream().map(ReleaseJson::of).toList());
  }

  @GET
  @Path("/projects/{org}/{project}/releases/")
  public Uni<List<ReleaseJson>> listOfProject(
      @PathParam("org") String org,
      @PathParam("project") String project,
      @QueryParam("query") String query,
      @QueryParam("per_page") @DefaultValue("100") int perPage) {
    return access
        .read(org)
        .chain(
            o ->
                project(o.id, project)
                    .chain(p -> releases.list(o.id, p.id(), blankToNull(query), 0, Math.max(1, Math.min(perPage, MAX_PER_PAGE)))))
        .map(list -> list.stream().map(ReleaseJson::of).toList());
  }

  @POST
  @Path("/organizations/{org}/releases/")
  public Uni<RestResponse<ReleaseJson>> create(@PathParam("org") String org, ReleaseRequest body) {
    if (body == null) {
      throw ApiException.badRequest("a JSON body with version and projects is required");
    }
    String version = ReleaseVersions.require(body.version());
    if (body.projects() == null || body.projects().isEmpty()) {
      throw ApiException.badRequest("projects: This field is required.");
    }
    return access.write(org).chain(o -> create(o.id, version, body, body.projects()));
  }

  @POST
  @Path("/projects/{org}/{project}/releases/")
  public Uni<RestResponse<ReleaseJson>> createInProject(
      @PathParam("org") String org, @PathParam("project") String project, ReleaseRequest body) {
    if (body == null) {
      throw ApiException.badRequest("a JSON body with version is required");
    }
    String version = ReleaseVersions.require(body.version());
    return access.write(org).chain(o -> create(o.id, version, body, List.of(project)));
  }

  @GET
  @Path("/organizations/{org}/releases/{version}/")
  public Uni<ReleaseJson> get(@PathParam("org") String org, @PathParam("version") String version) {
    return access.read(org).chain(o -> releases.find(o.id, version)).map(r -> ReleaseJson.of(found(r, version)));
  }

  @GET
  @Path("/projects/{org}/{project}/releases/{version}/")
  public Uni<ReleaseJson> getOfProject(
      @PathParam("org") String org, @PathParam("project") String project, @PathParam("version") String version) {
    return access
        .read(org)
        .chain(o -> project(o.id, project).chain(p -> releases.find(o.id, version).map(r -> inProject(r, p, version))))
        .map(ReleaseJson::of);
  }

  @PUT
  @Path("/organizations/{org}/releases/{version}/")
  public Uni<ReleaseJson> update(
      @PathParam("org") String org, @PathParam("version") String version, ReleaseUpdateRequest body) {
    ReleaseUpdateRequest changes = body == null ? new ReleaseUpdateRequest(null, null, null, null, null, null, null) : body;
    return access
        .write(org)
        .chain(
            o ->
                projectIds(o.id, changes.projects())
                    .chain(ids -> releases.update(o.id, version, new ReleaseChanges(changes.ref(), changes.url(), changes.dateReleased(), ids, commits(changes)))))
        .map(r -> ReleaseJson.of(found(r, version)));
  }

  @PUT
  @Path("/projects/{org}/{project}/releases/{version}/")
  public Uni<ReleaseJson> updateInProject(
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("version") String version,
      ReleaseUpdateRequest body) {
    return update(org, version, body);
  }

  @DELETE
  @Path("/organizations/{org}/releases/{version}/")
  public Uni<RestResponse<Void>> delete(@PathParam("org") String org, @PathParam("version") String version) {
    return access
        .write(org)
        .chain(o -> releases.delete(o.id, version))
        .map(
            deleted -> {
              if (!deleted) {
                throw notFound(version);
              }
              return RestResponse.noContent();
            });
  }

  private Uni<RestResponse<ReleaseJson>> create(long organizationId, String version, ReleaseRequest body, List<String> projects) {
    return projectIds(organizationId, projects)
        .chain(
            ids ->
                releases.create(
                    organizationId, new NewRelease(version, body.ref(), body.url(), body.dateStarted(), body.dateReleased(), ids)))
        // Sentry answers 208 Already Reported when the version existed (its projects are added).
        .map(
            created ->
                RestResponse.ResponseBuilder.<ReleaseJson>create(created.created() ? 201 : 208)
                    .entity(ReleaseJson.of(created.release()))
                    .build());
  }

  /** The ids of the organization's projects named by slug or id; 400 naming those that do not exist. */
  private Uni<List<Long>> projectIds(long organizationId, List<String> names) {
    if (names == null || names.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Set<String> wanted = new LinkedHashSet<>(names);
    return releases
        .projects(organizationId, wanted)
        .map(
            found -> {
              Set<String> known = new LinkedHashSet<>();
              for (ReleaseProject p : found) {
                known.add(p.slug());
                known.add(String.valueOf(p.id()));
              }
              List<String> unknown = wanted.stream().filter(n -> !known.contains(n)).toList();
              if (!unknown.isEmpty()) {
                throw ApiException.badRequest("Invalid project ids or slugs: " + String.join(", ", unknown));
              }
              return found.stream().map(ReleaseProject::id).toList();
            });
  }

  private Uni<ReleaseProject> project(long organizationId, String slug) {
    return releases
        .projects(organizationId, List.of(slug))
        .map(
            found -> {
              if (found.isEmpty()) {
                throw ApiException.notFound("project " + slug + " does not exist");
              }
              return found.get(0);
            });
  }

  private static List<ReleaseCommit> commits(ReleaseUpdateRequest body) {
    if (body.commits() != null) {
      return body.commits().stream()
          .filter(c -> c.id() != null && !c.id().isBlank())
          .map(
              c ->
                  new ReleaseCommit(
                      c.repository() == null ? "" : c.repository(),
                      c.id(),
                      null,
                      c.author_name(),
                      c.author_email(),
                      c.message(),
                      c.timestamp() == null ? null : c.timestamp().toInstant()))
          .toList();
    }
    if (body.refs() != null) {
      List<ReleaseCommit> heads = new ArrayList<>();
      for (ReleaseUpdateRequest.RefJson ref : body.refs()) {
        if (ref.repository() == null || ref.commit() == null) {
          throw ApiException.badRequest("refs: each needs repository and commit");
        }
        heads.add(new ReleaseCommit(ref.repository(), ref.commit(), ref.previousCommit(), null, null, null, null));
      }
      return heads;
    }
    return null;
  }

  private static Release found(Release release, String version) {
    if (release == null) {
      throw notFound(version);
    }
    return release;
  }

  private static Release inProject(Release release, ReleaseProject project, String version) {
    if (release == null || release.projects().stream().noneMatch(p -> p.id() == project.id())) {
      throw notFound(version);
    }
    return release;
  }

  private static ApiException notFound(String version) {
    return ApiException.notFound("The requested resource does not exist");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
