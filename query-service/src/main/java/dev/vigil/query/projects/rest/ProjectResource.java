package dev.vigil.query.projects.rest;

import dev.vigil.query.projects.ExistingProjects;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.ProjectKeyEntity;
import dev.vigil.state.projects.ProjectKeys;
import dev.vigil.state.projects.Projects;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/** Projects and their DSN keys. */
@Path("/api/v1")
public class ProjectResource {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  @Inject Projects projects;
  @Inject ExistingProjects existingProjects;
  @Inject ProjectKeys keys;
  @Inject Dsns dsns;

  @POST
  @Path("/projects")
  public Uni<RestResponse<ProjectJson>> create(CreateProjectRequest request) {
    if (request == null || request.slug() == null || !SLUG.matcher(request.slug()).matches()) {
      throw ApiException.badRequest("slug is required: lower-case letters, digits, '-' or '_', at most 50");
    }
    String organization = blankToNull(request.organization()) == null ? "default" : request.organization();
    if (!SLUG.matcher(organization).matches()) {
      throw ApiException.badRequest("organization must be a slug");
    }
    String name = blankToNull(request.name()) == null ? request.slug() : request.name();
    String platform = blankToNull(request.platform()) == null ? "other" : request.platform();
    return projects
        .create(organization, request.slug(), name, platform)
        .chain(this::toJson)
        .map(json -> RestResponse.status(Response.Status.CREATED, json));
  }

  @GET
  @Path("/projects")
  public Uni<List<ProjectJson>> list() {
    return projects
        .list()
        .chain(
            all -> {
              List<ProjectJson> out = new ArrayList<>();
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (ProjectEntity p : all) {
                chain = chain.chain(() -> toJson(p).invoke(out::add).replaceWithVoid());
              }
              return chain.replaceWith(out);
            });
  }

  @GET
  @Path("/projects/{id}")
  public Uni<ProjectJson> get(@PathParam("id") long id) {
    return existingProjects.require(id).chain(this::toJson);
  }

  @POST
  @Path("/projects/{id}/keys")
  public Uni<RestResponse<KeyJson>> addKey(@PathParam("id") long id) {
    return existingProjects.require(id)
        .chain(p -> keys.add(p.id, "Default"))
        .map(k -> RestResponse.status(Response.Status.CREATED, toJson(k)));
  }



  private Uni<ProjectJson> toJson(ProjectEntity p) {
    return keys.ofProject(p.id)
        .map(
            ks ->
                new ProjectJson(
                    p.id,
                    p.organization.slug,
                    p.slug,
                    p.name,
                    p.platform,
                    ks.stream().map(this::toJson).toList()));
  }

  private KeyJson toJson(ProjectKeyEntity k) {
    return new KeyJson(k.publicKey, dsns.dsn(k.publicKey, k.projectId), k.active, k.rateLimitPerMinute);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
