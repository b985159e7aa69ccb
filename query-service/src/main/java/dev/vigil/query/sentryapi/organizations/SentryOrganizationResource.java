package dev.vigil.query.sentryapi.organizations;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.sentryapi.common.SentryShapes;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.projects.OrganizationEntity;
import dev.vigil.state.projects.ProjectEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The caller's organizations and projects, as Sentry lists them. */
@Path("/api/0")
public class SentryOrganizationResource {

  /** Sentry's organization detail adds the caller's scopes there ({@code access}) to the summary. */
  record OrganizationDetail(
      @JsonUnwrapped SentryShapes.Organization summary, List<String> access) {}

  @Inject CurrentCaller current;
  @Inject OrganizationAccess access;
  @Inject SentryShapes shapes;

  @GET
  @Path("/organizations/")
  public Uni<List<SentryShapes.Organization>> organizations() {
    Caller caller = current.get();
    Uni<List<OrganizationEntity>> visible =
        caller.isSuperuser()
            ? Panache.withSession(() -> OrganizationEntity.list("order by slug"))
            : Panache.withSession(() -> OrganizationEntity.list("id in ?1 order by slug", caller.organizationIds()));
    return visible.map(orgs -> orgs.stream().map(shapes::organization).toList());
  }

  @GET
  @Path("/organizations/{org}/")
  public Uni<OrganizationDetail> organization(@PathParam("org") String slug) {
    Caller caller = current.get();
    return access
        .requireMember(slug)
        .map(
            org ->
                new OrganizationDetail(
                    shapes.organization(org), caller.scopes(org.id).stream().sorted().map(Scope::wireName).toList()));
  }

  @GET
  @Path("/organizations/{org}/projects/")
  public Uni<List<SentryShapes.Project>> organizationProjects(@PathParam("org") String slug) {
    return access
        .require(slug, Scope.PROJECT_READ)
        .chain(org -> Panache.withSession(() -> ProjectEntity.<ProjectEntity>list("organization.id = ?1 order by slug", org.id)))
        .map(projects -> projects.stream().map(shapes::project).toList());
  }

  @GET
  @Path("/projects/")
  public Uni<List<SentryShapes.Project>> projects() {
    Caller caller = current.get();
    return Panache.withSession(() -> ProjectEntity.<ProjectEntity>list("order by organization.slug, slug"))
        .map(
            all ->
                all.stream()
                    .filter(p -> caller.can(p.organization.id, Scope.PROJECT_READ))
                    .map(shapes::project)
                    .toList());
  }
}
