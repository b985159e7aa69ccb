package dev.vigil.query.issues.rest;

import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.EventQuery;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.TagKeySummary;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The environments, releases and levels a project's events had in a range: the choices the issue
 * list's filters offer, so users pick a value that exists instead of guessing its spelling.
 */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide their /api/v1/projects/{id}/... methods.
@Path("/api/v1")
public class IssueFacetResource {

  private static final Duration DEFAULT_RANGE = Duration.ofDays(14);

  /** The facets of one project in [start, end). */
  public record IssueFacets(List<TagKeySummary> facets, Instant start, Instant end) {}

  @Inject ProjectAccess projects;
  @Inject EventReads reads;

  @GET
  @Path("/projects/{projectId}/issues/facets")
  public Uni<IssueFacets> facets(
      @PathParam("projectId") long projectId,
      @QueryParam("start") String start,
      @QueryParam("end") String end,
      @QueryParam("limit") String limit) {
    Instant to = Params.time("end", end);
    Instant from = Params.time("start", start);
    Instant until = to == null ? Instant.now() : to;
    Instant since = from == null ? until.minus(DEFAULT_RANGE) : from;
    if (!since.isBefore(until)) {
      throw ApiException.badRequest("start must be before end");
    }
    int top = Params.intInRange("limit", limit, 50, 1, 200);
    EventQuery query = new EventQuery(projectId, since, until, null, null, null);
    return projects
        .require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.facets(query, top)))
        .map(facets -> new IssueFacets(facets, since, until));
  }
}
