package dev.vigil.query.events.rest;

import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.EventReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** A project's events by id and by trace: the link between errors and traces. */
@Path("/api/v1")
public class ProjectEventResource {

  @Inject ProjectAccess projects;
  @Inject EventReads reads;
  @Inject EventViews views;

  @GET
  @Path("/projects/{projectId}/events/{eventId}")
  public Uni<EventDetailJson> event(@PathParam("projectId") long projectId, @PathParam("eventId") String eventId) {
    String normalized = Params.eventId(eventId);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(
            () ->
                views.detail(
                    () -> reads.event(projectId, normalized),
                    "event " + normalized + " does not exist in project " + projectId));
  }

  @GET
  @Path("/projects/{projectId}/traces/{traceId}/events")
  public Uni<List<EventJson>> traceEvents(
      @PathParam("projectId") long projectId, @PathParam("traceId") String traceId, @QueryParam("limit") String limit) {
    String trace = Params.traceId(traceId);
    int size = Params.intInRange("limit", limit, 100, 1, 1000);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.traceEvents(projectId, trace, size)))
        .map(events -> events.stream().map(views::summary).toList());
  }


}
