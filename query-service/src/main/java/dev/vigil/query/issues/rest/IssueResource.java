package dev.vigil.query.issues.rest;

import dev.vigil.domain.IssueStatus;
import dev.vigil.query.issues.IssueDetail;
import dev.vigil.query.issues.IssueAccess;
import dev.vigil.query.issues.IssueDetails;
import dev.vigil.query.issues.IssueFilter;
import dev.vigil.query.issues.IssueListService;
import dev.vigil.query.issues.IssuePage;
import dev.vigil.query.issues.IssueSort;
import dev.vigil.query.issues.ListCursor;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueStatusChanges;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The issue list of a project, an issue's detail, and status changes. */
@Path("/api/v1")
public class IssueResource {

  private static final Duration DEFAULT_RANGE = Duration.ofDays(14);

  @Inject ProjectAccess projects;
  @Inject IssueAccess issues;
  @Inject IssueListService list;
  @Inject IssueDetails details;
  @Inject IssueStatusChanges statusChanges;

  @GET
  @Path("/projects/{projectId}/issues")
  public Uni<IssuePage> list(
      @PathParam("projectId") long projectId,
      @QueryParam("status") String status,
      @QueryParam("level") String level,
      @QueryParam("environment") String environment,
      @QueryParam("release") String release,
      @QueryParam("query") String query,
      @QueryParam("start") String start,
      @QueryParam("end") String end,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    IssueSort order = IssueSort.parse(Params.optional(sort));
    Instant to = Params.time("end", end);
    Instant from = Params.time("start", start);
    to = to == null ? Instant.now() : to;
    from = from == null ? to.minus(DEFAULT_RANGE) : from;
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("start must be before end");
    }
    IssueFilter filter =
        new IssueFilter(
            projectId,
            statuses(Params.optional(status)),
            Params.optional(level),
            Params.optional(environment),
            Params.optional(release),
            Params.optional(query),
            from,
            to,
            order,
            Params.intInRange("limit", limit, 25, 1, 100),
            ListCursor.decode(Params.optional(cursor), order));
    return projects.require(projectId, Scope.EVENT_READ).chain(() -> list.list(filter));
  }

  @PUT
  @Path("/projects/{projectId}/issues")
  public Uni<BulkResult> changeStatus(
      @PathParam("projectId") long projectId, @QueryParam("id") List<Long> ids, StatusChange change) {
    IssueStatus status = status(change);
    if (ids == null || ids.isEmpty()) {
      throw ApiException.badRequest("give the issues to change as ?id=1&id=2");
    }
    return projects
        .require(projectId, Scope.EVENT_WRITE)
        .chain(() -> statusChanges.change(projectId, List.copyOf(ids), status))
        .map(BulkResult::new);
  }

  @GET
  @Path("/issues/{id}")
  public Uni<IssueDetail> detail(@PathParam("id") long id) {
    return issues.require(id, Scope.EVENT_READ).chain(details::detail);
  }

  @PUT
  @Path("/issues/{id}")
  public Uni<IssueDetail> changeStatus(@PathParam("id") long id, StatusChange change) {
    IssueStatus status = status(change);
    return issues
        .require(id, Scope.EVENT_WRITE)
        .call(i -> statusChanges.change(i.projectId, List.of(id), status))
        // Read again: the change may have set resolvedAt and other fields.
        .chain(i -> issues.require(id, Scope.EVENT_READ))
        .chain(details::detail);
  }



  private static IssueStatus status(StatusChange change) {
    if (change == null || change.status() == null) {
      throw ApiException.badRequest("body must be {\"status\": \"resolved\"} or another status");
    }
    return parseStatus(change.status());
  }

  private static IssueStatus parseStatus(String value) {
    try {
      return IssueStatus.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** Comma-separated wire names, "all", or absent for unresolved. */
  private static Set<String> statuses(String value) {
    if (value == null) {
      return Set.of(IssueStatus.UNRESOLVED.wireName());
    }
    if (value.equals("all")) {
      return null;
    }
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .map(s -> parseStatus(s).wireName())
        .collect(Collectors.toSet());
  }
}
