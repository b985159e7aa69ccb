package dev.vigil.query.traces.rest;

import dev.vigil.query.logs.rest.LogJson;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.AttributeFilters;
import dev.vigil.query.rest.Cursors;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.Params;
import dev.vigil.query.rest.TelemetryLimits;
import dev.vigil.query.rest.TimeRange;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.StoredEvent;
import dev.vigil.storage.clickhouse.read.logs.LogReads;
import dev.vigil.storage.clickhouse.read.traces.TracePosition;
import dev.vigil.storage.clickhouse.read.traces.TraceQuery;
import dev.vigil.storage.clickhouse.read.traces.TraceReads;
import dev.vigil.storage.clickhouse.read.traces.TraceSpans;
import dev.vigil.storage.clickhouse.read.traces.TraceSummary;
import dev.vigil.domain.telemetry.Span;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Trace search and trace by id, with the trace's errors and logs attached. */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide their /api/v1/projects/{id}/... methods.
@Path("/api/v1")
public class TraceResource {

  private static final Set<String> STATUSES = Set.of("error", "ok", "unset");
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
  // Logs are often written just outside the spans' window (clock skew between hosts, async appenders).
  private static final Duration LOG_SLACK = Duration.ofMinutes(1);
  private static final int MAX_ERRORS = 100;

  @Inject ProjectAccess projects;
  @Inject TraceReads traces;
  @Inject EventReads events;
  @Inject LogReads logs;
  @Inject TelemetryLimits limits;

  @GET
  @Path("/projects/{projectId}/traces")
  public Uni<TracePage> searchTraces(
      @PathParam("projectId") long projectId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("service") String service,
      @QueryParam("operation") String operation,
      @QueryParam("minDuration") String minDuration,
      @QueryParam("maxDuration") String maxDuration,
      @QueryParam("status") String status,
      @QueryParam("attr") List<String> attributes,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    int size = Params.intInRange("limit", limit, 20, 1, 100);
    String statusCode = status == null || status.isBlank() ? null : status.trim().toLowerCase(Locale.ROOT);
    if (statusCode != null && !STATUSES.contains(statusCode)) {
      throw ApiException.badRequest("status must be error, ok or unset");
    }
    // One extra trace tells whether another page exists.
    TraceQuery query =
        new TraceQuery(
            projectId,
            range.from(),
            range.to(),
            Params.optional(service),
            Params.optional(operation),
            millisAsNanos("minDuration", minDuration),
            millisAsNanos("maxDuration", maxDuration),
            statusCode,
            AttributeFilters.parse(attributes),
            position(cursor),
            size + 1);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> traces.search(query)))
        .map(
            rows -> {
              List<TraceSummary> page = rows.subList(0, Math.min(size, rows.size()));
              String next = null;
              if (rows.size() > size) {
                TracePosition last = page.get(size - 1).position();
                next = Cursors.encode(last.timestampNanos(), last.traceId());
              }
              return new TracePage(page.stream().map(TraceSummaryJson::of).toList(), next, range.from(), range.to());
            });
  }

  @GET
  @Path("/projects/{projectId}/traces/{traceId}")
  public Uni<TraceDetailJson> traceById(
      @PathParam("projectId") long projectId, @PathParam("traceId") String traceId, @QueryParam("logLimit") String logLimit) {
    String trace = Params.traceId(traceId);
    int maxLogs = Params.intInRange("logLimit", logLimit, 500, 0, 5000);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(
            () ->
                OffEventLoop.call(
                    () -> {
                      TraceSpans spans =
                          traces.trace(projectId, trace, limits.maxTraceSpans())
                              .orElseThrow(() -> ApiException.notFound("trace " + trace + " does not exist in project " + projectId));
                      List<TraceErrorJson> errors =
                          events.traceEvents(projectId, trace, MAX_ERRORS).stream().map(TraceResource::error).toList();
                      List<LogJson> lines =
                          maxLogs == 0
                              ? List.of()
                              : logs.traceLogs(projectId, trace, spans.start().minus(LOG_SLACK), spans.end().plus(LOG_SLACK), maxLogs)
                                  .stream()
                                  .map(LogJson::of)
                                  .toList();
                      return detail(spans, errors, lines);
                    }));
  }

  private static TraceDetailJson detail(TraceSpans t, List<TraceErrorJson> errors, List<LogJson> lines) {
    List<String> services = t.spans().stream().map(Span::serviceName).distinct().sorted().toList();
    return new TraceDetailJson(
        t.traceId(),
        t.start(),
        t.end(),
        Duration.between(t.start(), t.end()).toNanos() / 1e6,
        services,
        t.spans().size(),
        t.truncated(),
        SpanTree.flatten(t.spans()),
        errors,
        lines);
  }

  private static TraceErrorJson error(StoredEvent e) {
    return new TraceErrorJson(
        e.eventId(), e.issueId(), e.timestamp(), e.level(), e.title(), e.culprit(), e.message(),
        e.transaction().isEmpty() ? null : e.transaction(), e.spanId().isEmpty() ? null : e.spanId());
  }

  private static TracePosition position(String cursor) {
    String[] parts = Cursors.decode(cursor, 2);
    if (parts == null) {
      return null;
    }
    try {
      if (HEX32.matcher(parts[1]).matches()) {
        return new TracePosition(Long.parseLong(parts[0]), parts[1]);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("invalid cursor");
  }

  /** Milliseconds, fractions allowed ({@code 0.5}); null when absent. */
  private static Long millisAsNanos(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      BigDecimal ms = new BigDecimal(value.trim());
      if (ms.signum() >= 0 && ms.compareTo(BigDecimal.valueOf(86_400_000L * 365)) <= 0) {
        return ms.movePointRight(6).longValue();
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(name + " must be a number of milliseconds (0 or more)");
  }
}
