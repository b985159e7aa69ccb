package dev.vigil.query.projects.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
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
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/** Projects (their DSN keys are managed in {@link ProjectKeyResource}). */
@Path("/api/v1")
public class ProjectResource {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  @Inject Projects projects;
  @Inject ProjectAccess access;
  @Inject OrganizationAccess organizations;
  @Inject CurrentCaller current;
  @Inject AuditTrail audit;
  @Inject ProjectKeys keys;
  @Inject Dsns dsns;

  @POST
  @Path("/projects")
  public Uni<RestResponse<ProjectJson>> create(CreateProjectRequest request) {
    if (request == null || request.slug() == null || !SLUG.matcher(request.slug()).matches()) {
      throw ApiException.badRequest("slug is required: lower-case letters, digits, '-' or '_', at most 50");
    }
    String organization = blankToNull(request.organization());
    if (organization != null && !SLUG.matcher(organization).matches()) {
      throw ApiException.badRequest("organization must be a slug");
    }
    String name = blankToNull(request.name()) == null ? request.slug() : request.name();
    String platform = blankToNull(request.platform()) == null ? "other" : request.platform();
    return organizationOf(organization)
        .chain(org -> projects.create(org, request.slug(), name, platform))
        .call(p -> audit.record(p.organization.id, "project.create", "project", p.id, Map.of("slug", p.slug)))
        .chain(this::toJson)
        .map(json -> RestResponse.status(Response.Status.CREATED, json));
  }

  /**
   * The slug of the organization to create the project in, which the caller needs project:write in.
   * Only the admin token creates organizations, on first use, as before accounts existed.
   */
  private Uni<String> organizationOf(String slug) {
    Caller caller = current.get();
    if (caller.isSuperuser()) {
      return Uni.createFrom().item(slug == null ? "default" : slug);
    }
    if (slug != null) {
      return organizations.require(slug, Scope.PROJECT_WRITE).map(org -> org.slug);
    }
    if (caller.organizationIds().size() != 1) {
      throw ApiException.badRequest("organization is required: the slug of the organization to create the project in");
    }
    return organizations.require(caller.organizationIds().iterator().next(), Scope.PROJECT_WRITE).map(org -> org.slug);
  }

  @GET
  @Path("/projects")
  public Uni<List<ProjectJson>> list() {
    Caller caller = current.get();
    return projects
        .list()
        .chain(
            all -> {
              // Only the caller's organizations' projects (projects are few: filtering here is cheap).
              List<ProjectJson> out = new ArrayList<>();
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (ProjectEntity p : all.stream().filter(p -> caller.can(p.organization.id, Scope.PROJECT_READ)).toList()) {
                chain = chain.chain(() -> toJson(p).invoke(out::add).replaceWithVoid());
              }
              return chain.replaceWith(out);
            });
  }

  @GET
  @Path("/projects/{id}")
  public Uni<ProjectJson> get(@PathParam("id") long id) {
    return access.require(id, Scope.PROJECT_READ).chain(this::toJson);
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
    return new KeyJson(k.publicKey, dsns.dsn(k.publicKey, k.projectId), k.label, k.active, k.rateLimitPerMinute, k.createdAt);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
