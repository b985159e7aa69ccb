package dev.vigil.query.alerting.rest;

import static dev.vigil.query.alerting.rest.RuleGroupResource.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.alerting.ChannelDocuments;
import dev.vigil.query.alerting.TestNotifications;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.NotificationChannel;
import dev.vigil.state.alerting.NotificationChannels;
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

/** A project's notification channels, and the test notification that checks one end to end. */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class ChannelResource {

  /** The answer to a test: the delivery to follow in the log. */
  public record TestQueued(long deliveryId) {}

  @Inject ProjectAccess access;
  @Inject NotificationChannels channels;
  @Inject ChannelDocuments documents;
  @Inject TestNotifications tests;
  @Inject AlertingAudit audit;

  @GET
  @Path(BASE + "/channels")
  public Uni<List<ChannelJson>> list(@PathParam("projectId") long projectId) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> channels.list(p.id))
        .map(cs -> cs.stream().map(ChannelJson::of).toList());
  }

  @GET
  @Path(BASE + "/channels/{id}")
  public Uni<ChannelJson> get(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> channels.find(p.id, id))
        .map(c -> ChannelJson.of(found(c, id)));
  }

  @POST
  @Path(BASE + "/channels")
  public Uni<RestResponse<ChannelJson>> create(@PathParam("projectId") long projectId, JsonNode body) {
    var spec = documents.parse(body, null);
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(p -> channels.create(p.id, spec).call(c -> audit.record(p, "channel.create", "channel", c.id(), c.name())))
        .map(c -> RestResponse.status(Response.Status.CREATED, ChannelJson.of(c)));
  }

  @PUT
  @Path(BASE + "/channels/{id}")
  public Uni<ChannelJson> update(@PathParam("projectId") long projectId, @PathParam("id") long id, JsonNode body) {
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                channels.find(p.id, id)
                    .map(c -> found(c, id))
                    .chain(existing -> channels.update(p.id, id, documents.parse(body, existing)))
                    .map(c -> found(c, id))
                    .call(c -> audit.record(p, "channel.update", "channel", c.id(), c.name())))
        .map(ChannelJson::of);
  }

  @DELETE
  @Path(BASE + "/channels/{id}")
  public Uni<RestResponse<Void>> delete(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                channels.find(p.id, id)
                    .map(c -> found(c, id))
                    .call(c -> channels.delete(p.id, id))
                    .call(c -> audit.record(p, "channel.delete", "channel", id, c.name())))
        .map(c -> RestResponse.noContent());
  }

  @POST
  @Path(BASE + "/channels/{id}/test")
  public Uni<RestResponse<TestQueued>> test(@PathParam("projectId") long projectId, @PathParam("id") long id) {
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                channels.find(p.id, id)
                    .map(c -> found(c, id))
                    .chain(c -> tests.enqueue(p, c).call(deliveryId -> audit.record(p, "channel.test", "channel", id, c.name()))))
        .map(deliveryId -> RestResponse.status(Response.Status.ACCEPTED, new TestQueued(deliveryId)));
  }

  private static NotificationChannel found(NotificationChannel c, long id) {
    if (c == null) {
      throw ApiException.notFound("channel " + id + " does not exist in this project");
    }
    return c;
  }
}
