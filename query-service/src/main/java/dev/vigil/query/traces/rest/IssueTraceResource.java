package dev.vigil.query.traces.rest;

import dev.vigil.query.issues.IssueAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.traces.IssueTrace;
import dev.vigil.storage.clickhouse.read.traces.TraceReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** From an issue to its traces: the distinct traces its events were raised in, most recent first. */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide their /api/v1/projects/{id}/... methods.
@Path("/api/v1")
public class IssueTraceResource {

  /** The traces of one issue. */
  public record IssueTraces(long issueId, List<IssueTrace> traces) {}

  @Inject IssueAccess issues;
  @Inject TraceReads traces;

  @GET
  @Path("/projects/{projectId}/issues/{issueId}/traces")
  public Uni<IssueTraces> issueTraces(
      @PathParam("projectId") long projectId, @PathParam("issueId") long issueId, @QueryParam("limit") String limit) {
    int size = Params.intInRange("limit", limit, 20, 1, 100);
    return issues
        .require(issueId, Scope.EVENT_READ)
        .invoke(
            issue -> {
              if (issue.projectId != projectId) {
                throw ApiException.notFound("issue " + issueId + " does not exist in project " + projectId);
              }
            })
        .chain(() -> OffEventLoop.call(() -> traces.issueTraces(projectId, issueId, size)))
        .map(rows -> new IssueTraces(issueId, rows));
  }
}
