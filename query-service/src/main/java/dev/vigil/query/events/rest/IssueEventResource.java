package dev.vigil.query.events.rest;

import dev.vigil.query.issues.IssueAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.EventPosition;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.StoredEvent;
import dev.vigil.storage.clickhouse.read.TagKeySummary;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.regex.Pattern;

/** An issue's events (paged, newest first, by id) and the distributions of their tags. */
@Path("/api/v1")
public class IssueEventResource {

  private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_.:\\-/]{1,200}");

  @Inject IssueAccess issues;
  @Inject EventReads reads;
  @Inject EventViews views;

  @GET
  @Path("/issues/{id}/events")
  public Uni<EventPage> events(
      @PathParam("id") long id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    int size = Params.intInRange("limit", limit, 50, 1, 100);
    EventPosition before = views.position(cursor);
    return issues
        .require(id, Scope.EVENT_READ)
        .chain(
            issue ->
                OffEventLoop.call(
                    () -> {
                      // One extra row tells whether another page exists.
                      List<StoredEvent> rows = reads.issueEvents(issue.projectId, id, before, size + 1);
                      List<StoredEvent> page = rows.subList(0, Math.min(size, rows.size()));
                      String next = rows.size() > size ? views.cursor(page.get(size - 1).position()) : null;
                      return new EventPage(page.stream().map(views::summary).toList(), next);
                    }));
  }

  @GET
  @Path("/issues/{id}/events/latest")
  public Uni<EventDetailJson> latest(@PathParam("id") long id) {
    return issues
        .require(id, Scope.EVENT_READ)
        .chain(i -> views.detail(() -> reads.latestEvent(i.projectId, id), "issue " + id + " has no stored events"));
  }

  @GET
  @Path("/issues/{id}/events/oldest")
  public Uni<EventDetailJson> oldest(@PathParam("id") long id) {
    return issues
        .require(id, Scope.EVENT_READ)
        .chain(i -> views.detail(() -> reads.oldestEvent(i.projectId, id), "issue " + id + " has no stored events"));
  }

  @GET
  @Path("/issues/{id}/events/{eventId}")
  public Uni<EventDetailJson> event(@PathParam("id") long id, @PathParam("eventId") String eventId) {
    String normalized = Params.eventId(eventId);
    String notFound = "event " + normalized + " does not exist in issue " + id;
    return issues
        .require(id, Scope.EVENT_READ)
        .chain(
            i ->
                views.detail(
                    () -> reads.event(i.projectId, normalized).filter(e -> e.issueId() == id), notFound));
  }

  @GET
  @Path("/issues/{id}/tags")
  public Uni<List<TagKeySummary>> tags(@PathParam("id") long id) {
    return issues.require(id, Scope.EVENT_READ).chain(i -> OffEventLoop.call(() -> reads.issueTags(i.projectId, id, 10)));
  }

  @GET
  @Path("/issues/{id}/tags/{key}")
  public Uni<TagKeySummary> tag(@PathParam("id") long id, @PathParam("key") String key) {
    if (!TAG_KEY.matcher(key).matches()) {
      throw ApiException.badRequest("invalid tag key");
    }
    return issues
        .require(id, Scope.EVENT_READ)
        .chain(
            i ->
                OffEventLoop.call(
                    () ->
                        reads
                            .issueTag(i.projectId, id, key, 10)
                            .orElseThrow(() -> ApiException.notFound("no event of issue " + id + " has tag " + key))));
  }
}
