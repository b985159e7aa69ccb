package dev.vigil.query.sentryapi.issues;

import dev.vigil.domain.IssueStatus;
import dev.vigil.query.issues.IssueDetails;
import dev.vigil.query.issues.IssueFilter;
import dev.vigil.query.issues.IssueListService;
import dev.vigil.query.issues.IssueSort;
import dev.vigil.query.issues.IssueSummary;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import dev.vigil.query.sentryapi.common.SentryCursor;
import dev.vigil.query.sentryapi.common.SentryLinks;
import dev.vigil.query.sentryapi.common.SentryProjects;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueComments;
import dev.vigil.state.issues.IssueStatusChanges;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/** A project's issues (search, Link-header paging, bulk status) and one issue (detail, status), as Sentry. */
@Path("/api/0")
public class SentryIssueResource {

  /** Issues listed are those with events in this period unless {@code statsPeriod} says otherwise. */
  static final String DEFAULT_PERIOD = "90d";

  private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([hdw])");

  @Inject SentryProjects projects;
  @Inject SentryIssues issues;
  @Inject IssueListService list;
  @Inject IssueDetails details;
  @Inject IssueStatusChanges statusChanges;
  @Inject IssueComments comments;
  @Inject SentryIssueViews views;

  @GET
  @Path("/projects/{org}/{project}/issues/")
  public Uni<RestResponse<List<SentryIssueJson>>> list(
      @PathParam("org") String org,
      @PathParam("project") String projectSlug,
      @QueryParam("query") String query,
      @QueryParam("statsPeriod") String statsPeriod,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    SentryIssueQuery q = SentryIssueQuery.parse(query);
    String period = statsPeriod == null || statsPeriod.isBlank() ? DEFAULT_PERIOD : statsPeriod.trim();
    Instant end = Instant.now();
    Instant start = end.minus(period(period));
    IssueSort order = sort(sort);
    int size = Params.intInRange("limit", limit, 100, 1, 100);
    SentryCursor position = SentryCursor.parse(cursor);
    return projects
        .require(org, projectSlug, Scope.EVENT_READ)
        .chain(
            project -> {
              // Offset paging over the list service: it ranks every issue of the range in memory
              // anyway; asking for one more than the page tells whether a next page exists.
              IssueFilter filter =
                  new IssueFilter(project.id, q.statuses(), q.level(), q.environment(), q.release(), q.text(), start, end,
                      order, position.offset() + size + 1, null, q.firstRelease());
              return list.list(filter)
                  .chain(
                      page -> {
                        List<IssueSummary> all = page.issues();
                        List<IssueSummary> slice = all.subList(Math.min(position.offset(), all.size()),
                            Math.min(position.offset() + size, all.size()));
                        boolean hasNext = all.size() > position.offset() + size;
                        return comments
                            .counts(slice.stream().map(IssueSummary::id).toList())
                            .map(
                                counts ->
                                    RestResponse.ResponseBuilder.ok(
                                            slice.stream()
                                                .map(i -> views.summary(i, project, period, counts.getOrDefault(i.id(), 0)))
                                                .toList())
                                        .header("Link", SentryLinks.header(uri, position, size, hasNext))
                                        .build());
                      });
            });
  }

  /**
   * Sentry's bulk change: the issues given as {@code ?id=1&id=2}, or without ids every issue of the
   * project with the status of {@code ?status=} (default unresolved). Answers the change as Sentry
   * does, or 204 when no issue matched.
   */
  @PUT
  @Path("/projects/{org}/{project}/issues/")
  public Uni<RestResponse<Map<String, Object>>> bulkChange(
      @PathParam("org") String org,
      @PathParam("project") String projectSlug,
      @QueryParam("id") List<Long> ids,
      @QueryParam("status") String currentStatus,
      StatusChange change) {
    IssueStatus status = StatusChange.required(change);
    Set<String> current = SentryIssueQuery.statuses(currentStatus == null || currentStatus.isBlank() ? "unresolved" : currentStatus);
    return projects
        .require(org, projectSlug, Scope.EVENT_WRITE)
        .chain(
            project ->
                ids != null && !ids.isEmpty()
                    ? statusChanges.change(project.id, List.copyOf(ids), status)
                    : statusChanges.changeWhereStatus(project.id, current, status))
        .map(
            updated ->
                updated == 0
                    ? RestResponse.noContent()
                    : RestResponse.ok(Map.of("status", change.sentryStatus(), "statusDetails", Map.of())));
  }

  @GET
  @Path("/issues/{id: \\d+}/")
  public Uni<SentryIssueDetailJson> detail(@PathParam("id") long id) {
    return detail(null, id);
  }

  @GET
  @Path("/organizations/{org}/issues/{id: \\d+}/")
  public Uni<SentryIssueDetailJson> detail(@PathParam("org") String org, @PathParam("id") long id) {
    return issues.require(org, id, Scope.EVENT_READ).chain(this::detail);
  }

  @PUT
  @Path("/issues/{id: \\d+}/")
  public Uni<SentryIssueDetailJson> change(@PathParam("id") long id, StatusChange change) {
    return change(null, id, change);
  }

  @PUT
  @Path("/organizations/{org}/issues/{id: \\d+}/")
  public Uni<SentryIssueDetailJson> change(@PathParam("org") String org, @PathParam("id") long id, StatusChange change) {
    IssueStatus status = StatusChange.required(change);
    return issues
        .require(org, id, Scope.EVENT_WRITE)
        .call(found -> statusChanges.change(found.project().id, List.of(id), status))
        // Read again: the change set resolvedAt and the status itself.
        .chain(found -> issues.require(org, id, Scope.EVENT_READ))
        .chain(this::detail);
  }

  private Uni<SentryIssueDetailJson> detail(SentryIssues.Found found) {
    return details
        .detail(found.issue())
        .chain(d -> comments.counts(List.of(d.id())).map(c -> views.detail(d, found.project(), c.getOrDefault(d.id(), 0))));
  }

  /** Sentry's sorts (date, new, freq, user) and Vigil's own names. */
  private static IssueSort sort(String sort) {
    if (sort == null || sort.isBlank()) {
      return IssueSort.LAST_SEEN;
    }
    return switch (sort) {
      case "date" -> IssueSort.LAST_SEEN;
      case "new" -> IssueSort.FIRST_SEEN;
      case "freq" -> IssueSort.EVENTS;
      case "user" -> IssueSort.USERS;
      default -> IssueSort.parse(sort);
    };
  }

  /** A Sentry period: 24h, 14d, 2w. */
  static Duration period(String value) {
    Matcher m = PERIOD.matcher(value);
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw ApiException.badRequest("Invalid statsPeriod: expected e.g. 24h, 14d or 2w");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(7 * n);
        };
    if (d.compareTo(Duration.ofDays(366)) > 0) {
      throw ApiException.badRequest("Invalid statsPeriod: at most a year");
    }
    return d;
  }
}
