package dev.vigil.query.sentryapi.issues;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import dev.vigil.query.sentryapi.common.SentryProjects;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.EventReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** An issue's latest event and a project's event by id, as Sentry's event endpoints answer. */
@Path("/api/0")
public class SentryEventResource {

  @Inject SentryIssues issues;
  @Inject SentryProjects projects;
  @Inject EventReads reads;
  @Inject SentryEvents events;

  @GET
  @Path("/issues/{id: \\d+}/events/latest/")
  public Uni<ObjectNode> latest(@PathParam("id") long id) {
    return latest(null, id);
  }

  @GET
  @Path("/organizations/{org}/issues/{id: \\d+}/events/latest/")
  public Uni<ObjectNode> latest(@PathParam("org") String org, @PathParam("id") long id) {
    return issues
        .require(org, id, Scope.EVENT_READ)
        .chain(found -> events.read(() -> reads.latestEvent(found.project().id, id)))
        .map(e -> e.orElseThrow(() -> ApiException.notFound("The requested resource does not exist")));
  }

  @GET
  @Path("/projects/{org}/{project}/events/{eventId}/")
  public Uni<ObjectNode> event(
      @PathParam("org") String org, @PathParam("project") String project, @PathParam("eventId") String eventId) {
    String normalized = Params.eventId(eventId);
    return projects
        .require(org, project, Scope.EVENT_READ)
        .chain(p -> events.read(() -> reads.event(p.id, normalized)))
        .map(e -> e.orElseThrow(() -> ApiException.notFound("Event not found")));
  }
}
