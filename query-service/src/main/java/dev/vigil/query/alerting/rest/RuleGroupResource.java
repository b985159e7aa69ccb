package dev.vigil.query.alerting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.alerting.RuleGroupDocuments;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.AlertRuleGroup;
import dev.vigil.state.alerting.AlertRuleGroups;
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
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A project's Prometheus rule groups one at a time, as the UI edits them. Groups created here live in the
 * namespace {@code vigil} unless the body names another. Reading needs alerts:read, changing alerts:write.
 */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class RuleGroupResource {

  static final String BASE = "/projects/{projectId}/alerting";

  @Inject ProjectAccess access;
  @Inject AlertRuleGroups groups;
  @Inject AlertingAudit audit;

  @GET
  @Path(BASE + "/rule-groups")
  public Uni<List<RuleGroupJson>> list(@PathParam("projectId") long projectId) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> groups.list(p.id))
        .map(gs -> gs.stream().map(RuleGroupJson::of).toList());
  }

  @GET
  @Path(BASE + "/rule-groups/{id}")
  public Uni<RuleGroupJson> get(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> groups.find(p.id, id))
        .map(g -> RuleGroupJson.of(found(g, id)));
  }

  @POST
  @Path(BASE + "/rule-groups")
  public Uni<RestResponse<RuleGroupJson>> create(@PathParam("projectId") long projectId, JsonNode body) {
    RuleGroupRequest request = RuleGroupRequest.parse(body, RuleGroupDocuments.UI_NAMESPACE);
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(p -> groups.create(p.id, request.spec()).call(g -> audit.record(p, "rule_group.create", "rule_group", g.id(), g.name())))
        .map(g -> RestResponse.status(Response.Status.CREATED, RuleGroupJson.of(g)));
  }

  @PUT
  @Path(BASE + "/rule-groups/{id}")
  public Uni<RuleGroupJson> update(@PathParam("projectId") long projectId, @PathParam("id") long id, JsonNode body) {
    RuleGroupRequest request = RuleGroupRequest.parse(body, null);
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                groups.find(p.id, id)
                    .map(current -> found(current, id))
                    .chain(current -> groups.update(p.id, id, request.in(request.namespace() == null ? current.namespace() : request.namespace()), request.basedOnVersion()))
                    .map(g -> found(g, id))
                    .call(g -> audit.record(p, "rule_group.update", "rule_group", g.id(), g.name())))
        .map(RuleGroupJson::of);
  }

  @DELETE
  @Path(BASE + "/rule-groups/{id}")
  public Uni<RestResponse<Void>> delete(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                groups.find(p.id, id)
                    .map(g -> found(g, id))
                    .call(g -> groups.delete(p.id, id))
                    .call(g -> audit.record(p, "rule_group.delete", "rule_group", id, g.name())))
        .map(g -> RestResponse.noContent());
  }

  private static AlertRuleGroup found(AlertRuleGroup g, long id) {
    if (g == null) {
      throw ApiException.notFound("rule group " + id + " does not exist in this project");
    }
    return g;
  }
}
