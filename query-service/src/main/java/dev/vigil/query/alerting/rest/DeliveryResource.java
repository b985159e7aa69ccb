package dev.vigil.query.alerting.rest;

import static dev.vigil.query.alerting.rest.RuleGroupResource.BASE;

import dev.vigil.query.alerting.AlertingConfig;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.DeliveryLog;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The delivery log: every notification and test, whether it was sent, and the channel's last answer. */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class DeliveryResource {

  @Inject ProjectAccess access;
  @Inject DeliveryLog log;
  @Inject AlertingConfig config;

  @GET
  @Path(BASE + "/deliveries")
  public Uni<List<DeliveryJson>> list(
      @PathParam("projectId") long projectId, @QueryParam("channelId") String channelId, @QueryParam("limit") String limit) {
    int n = Params.intInRange("limit", limit, 100, 1, config.maxListSize());
    Long channel = AlertingParams.id("channelId", channelId);
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> log.list(p.id, channel, n))
        .map(ds -> ds.stream().map(DeliveryJson::of).toList());
  }

  @GET
  @Path(BASE + "/deliveries/{id}")
  public Uni<DeliveryJson> get(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> log.find(p.id, id))
        .map(
            d -> {
              if (d == null) {
                throw ApiException.notFound("delivery " + id + " does not exist in this project");
              }
              return DeliveryJson.of(d);
            });
  }
}
