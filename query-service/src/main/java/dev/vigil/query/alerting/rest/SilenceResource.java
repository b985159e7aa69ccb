package dev.vigil.query.alerting.rest;

import static dev.vigil.query.alerting.rest.RuleGroupResource.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.alerting.Actors;
import dev.vigil.query.alerting.AlertingConfig;
import dev.vigil.query.alerting.SilenceRequest;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.AlertSilence;
import dev.vigil.state.alerting.AlertSilences;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** A project's silences: listed (active and pending first), created, and expired early with DELETE. */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class SilenceResource {

  @Inject ProjectAccess access;
  @Inject AlertSilences silences;
  @Inject Actors actors;
  @Inject AlertingAudit audit;
  @Inject AlertingConfig config;

  @GET
  @Path(BASE + "/silences")
  public Uni<List<SilenceJson>> list(@PathParam("projectId") long projectId, @QueryParam("limit") String limit) {
    int n = Params.intInRange("limit", limit, 100, 1, config.maxListSize());
    Instant now = Instant.now();
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> silences.list(p.id, n))
        .map(ss -> ss.stream().map(s -> SilenceJson.of(s, now)).toList());
  }

  @GET
  @Path(BASE + "/silences/{id}")
  public Uni<SilenceJson> get(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> silences.find(p.id, id))
        .map(s -> SilenceJson.of(found(s, id), Instant.now()));
  }

  @POST
  @Path(BASE + "/silences")
  public Uni<RestResponse<SilenceJson>> create(@PathParam("projectId") long projectId, JsonNode body) {
    SilenceRequest request = SilenceRequest.parse(body, Instant.now());
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                actors.current()
                    .chain(by -> silences.create(p.id, request.matchers(), request.startsAt(), request.endsAt(), request.comment(), by))
                    .call(s -> audit.record(p, "silence.create", "silence", s.id(), s.matchers())))
        .map(s -> RestResponse.status(Response.Status.CREATED, SilenceJson.of(s, Instant.now())));
  }

  /** Expires the silence now; it stays listed as expired. */
  @DELETE
  @Path(BASE + "/silences/{id}")
  public Uni<SilenceJson> expire(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                silences.expire(p.id, id)
                    .map(s -> found(s, id))
                    .call(s -> audit.record(p, "silence.expire", "silence", s.id(), s.matchers())))
        .map(s -> SilenceJson.of(s, Instant.now()));
  }

  private static AlertSilence found(AlertSilence s, long id) {
    if (s == null) {
      throw ApiException.notFound("silence " + id + " does not exist in this project");
    }
    return s;
  }
}
