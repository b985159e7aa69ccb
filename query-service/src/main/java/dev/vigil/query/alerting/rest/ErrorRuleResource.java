package dev.vigil.query.alerting.rest;

import static dev.vigil.query.alerting.rest.RuleGroupResource.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.alerting.ErrorRuleDocuments;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.ErrorAlertRule;
import dev.vigil.state.alerting.ErrorAlertRules;
import dev.vigil.state.alerting.ErrorRuleSpec;
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

/** A project's error rules: alerts on new issues, regressions, frequent issues and event volume. */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class ErrorRuleResource {

  @Inject ProjectAccess access;
  @Inject ErrorAlertRules rules;
  @Inject AlertingAudit audit;

  @GET
  @Path(BASE + "/error-rules")
  public Uni<List<ErrorRuleJson>> list(@PathParam("projectId") long projectId) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> rules.list(p.id))
        .map(rs -> rs.stream().map(ErrorRuleJson::of).toList());
  }

  @GET
  @Path(BASE + "/error-rules/{id}")
  public Uni<ErrorRuleJson> get(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> rules.find(p.id, id))
        .map(r -> ErrorRuleJson.of(found(r, id)));
  }

  @POST
  @Path(BASE + "/error-rules")
  public Uni<RestResponse<ErrorRuleJson>> create(@PathParam("projectId") long projectId, JsonNode body) {
    ErrorRuleSpec spec = ErrorRuleDocuments.parse(body);
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(p -> rules.create(p.id, spec).call(r -> audit.record(p, "error_rule.create", "error_rule", r.id(), r.name())))
        .map(r -> RestResponse.status(Response.Status.CREATED, ErrorRuleJson.of(r)));
  }

  @PUT
  @Path(BASE + "/error-rules/{id}")
  public Uni<ErrorRuleJson> update(@PathParam("projectId") long projectId, @PathParam("id") long id, JsonNode body) {
    ErrorRuleSpec spec = ErrorRuleDocuments.parse(body);
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                rules.update(p.id, id, spec)
                    .map(r -> found(r, id))
                    .call(r -> audit.record(p, "error_rule.update", "error_rule", r.id(), r.name())))
        .map(ErrorRuleJson::of);
  }

  @DELETE
  @Path(BASE + "/error-rules/{id}")
  public Uni<RestResponse<Void>> delete(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                rules.find(p.id, id)
                    .map(r -> found(r, id))
                    .call(r -> rules.delete(p.id, id))
                    .call(r -> audit.record(p, "error_rule.delete", "error_rule", id, r.name())))
        .map(r -> RestResponse.noContent());
  }

  private static ErrorAlertRule found(ErrorAlertRule r, long id) {
    if (r == null) {
      throw ApiException.notFound("error rule " + id + " does not exist in this project");
    }
    return r;
  }
}
