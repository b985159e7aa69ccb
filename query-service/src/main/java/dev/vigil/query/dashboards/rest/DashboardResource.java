package dev.vigil.query.dashboards.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.dashboards.Dashboard;
import dev.vigil.state.dashboards.DashboardConflictException;
import dev.vigil.state.dashboards.Dashboards;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A project's dashboards: listing and reading need project:read, creating, changing and deleting
 * project:write. A dashboard of another project answers 404, like the project of another organization.
 */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class DashboardResource {

  /** The project's dashboards. */
  public record DashboardList(List<DashboardSummaryJson> dashboards) {}

  @Inject ProjectAccess access;
  @Inject Dashboards dashboards;
  @Inject CurrentCaller caller;
  @Inject AuditTrail audit;

  @GET
  @Path("/projects/{projectId}/dashboards")
  public Uni<DashboardList> list(@PathParam("projectId") long projectId) {
    return access
        .require(projectId, Scope.PROJECT_READ)
        .chain(p -> dashboards.list(p.id))
        .map(ds -> new DashboardList(ds.stream().map(DashboardSummaryJson::of).toList()));
  }

  @POST
  @Path("/projects/{projectId}/dashboards")
  public Uni<RestResponse<DashboardJson>> create(@PathParam("projectId") long projectId, JsonNode body) {
    DashboardDocument doc = DashboardDocument.parse(body);
    Long userId = caller.get().userId();
    return access
        .require(projectId, Scope.PROJECT_WRITE)
        .chain(p -> dashboards.create(p.id, doc.title(), doc.panelsJson(), userId).call(d -> audited(p.organization.id, "dashboard.create", d)))
        .map(d -> RestResponse.status(Response.Status.CREATED, DashboardJson.of(d)));
  }

  @GET
  @Path("/projects/{projectId}/dashboards/{id}")
  public Uni<DashboardJson> get(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access
        .require(projectId, Scope.PROJECT_READ)
        .chain(p -> dashboards.find(p.id, id))
        .map(d -> DashboardJson.of(found(d, projectId, id)));
  }

  @PUT
  @Path("/projects/{projectId}/dashboards/{id}")
  public Uni<DashboardJson> update(@PathParam("projectId") long projectId, @PathParam("id") long id, JsonNode body) {
    DashboardDocument doc = DashboardDocument.parse(body);
    return access
        .require(projectId, Scope.PROJECT_WRITE)
        .chain(
            p ->
                dashboards.update(p.id, id, doc.title(), doc.panelsJson(), doc.version())
                    .map(d -> found(d, projectId, id))
                    .call(d -> audited(p.organization.id, "dashboard.update", d)))
        .map(DashboardJson::of);
  }

  @DELETE
  @Path("/projects/{projectId}/dashboards/{id}")
  public Uni<RestResponse<Void>> delete(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access
        .require(projectId, Scope.PROJECT_WRITE)
        .chain(
            p ->
                dashboards.delete(p.id, id)
                    .call(
                        deleted ->
                            deleted
                                ? audit.record(p.organization.id, "dashboard.delete", "dashboard", id, Map.of("projectId", String.valueOf(p.id)))
                                : Uni.createFrom().voidItem())
                    .map(
                        deleted -> {
                          if (!deleted) {
                            throw notFound(projectId, id);
                          }
                          return RestResponse.<Void>noContent();
                        }));
  }

  private Uni<Void> audited(long organizationId, String action, Dashboard d) {
    return audit.record(organizationId, action, "dashboard", d.id(), Map.of("projectId", String.valueOf(d.projectId()), "title", d.title()));
  }

  private static Dashboard found(Dashboard d, long projectId, long id) {
    if (d == null) {
      throw notFound(projectId, id);
    }
    return d;
  }

  private static ApiException notFound(long projectId, long id) {
    return ApiException.notFound("dashboard " + id + " does not exist in project " + projectId);
  }

  @ServerExceptionMapper
  Response conflict(DashboardConflictException e) {
    return Response.status(409).type("application/json").entity(new ConflictBody(e.getMessage(), e.currentVersion())).build();
  }

  /** A 409 with the stored version, so the UI can say what happened and offer a reload. */
  public record ConflictBody(String detail, int currentVersion) {}
}
