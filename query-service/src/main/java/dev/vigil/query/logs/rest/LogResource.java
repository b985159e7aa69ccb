package dev.vigil.query.logs.rest;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.AttributeFilters;
import dev.vigil.query.rest.Cursors;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.Params;
import dev.vigil.query.rest.TelemetryLimits;
import dev.vigil.query.rest.TimeRange;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.logs.LogBucket;
import dev.vigil.storage.clickhouse.read.logs.LogPosition;
import dev.vigil.storage.clickhouse.read.logs.LogQuery;
import dev.vigil.storage.clickhouse.read.logs.LogReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Log search (newest first, keyset-paged), the histogram of the same search over time, and the services that log. */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide their /api/v1/projects/{id}/... methods.
@Path("/api/v1")
public class LogResource {

  /** A page of log records; {@code nextCursor} is null on the last page. */
  public record LogPage(List<LogJson> logs, String nextCursor, Instant from, Instant to) {}

  /** Zero-filled counts per bucket of {@code stepSeconds}. */
  public record Histogram(Instant from, Instant to, long stepSeconds, List<LogBucket> buckets) {}

  /** The services that logged in the range, by name. */
  public record LogServices(List<String> services, Instant from, Instant to) {}

  static final int MAX_TOKENS = 20;
  static final int MAX_SERVICES = 500;

  @Inject ProjectAccess projects;
  @Inject LogReads reads;
  @Inject TelemetryLimits limits;

  @GET
  @Path("/projects/{projectId}/logs")
  public Uni<LogPage> searchLogs(
      @PathParam("projectId") long projectId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("service") String service,
      @QueryParam("severity") String severity,
      @QueryParam("q") String text,
      @QueryParam("attr") List<String> attributes,
      @QueryParam("traceId") String traceId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    LogQuery query = query(projectId, from, to, service, severity, text, attributes, traceId);
    int size = Params.intInRange("limit", limit, 100, 1, 1000);
    LogPosition before = position(cursor);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.search(query, before, size + 1)))
        .map(
            rows -> {
              List<LogRecord> page = rows.subList(0, Math.min(size, rows.size()));
              String next = null;
              if (rows.size() > size) {
                LogPosition last = LogPosition.of(page.get(size - 1));
                next = Cursors.encode(last.timestampNanos(), Long.toUnsignedString(last.logId()));
              }
              return new LogPage(page.stream().map(LogJson::of).toList(), next, query.from(), query.to());
            });
  }

  @GET
  @Path("/projects/{projectId}/logs/histogram")
  public Uni<Histogram> logHistogram(
      @PathParam("projectId") long projectId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("service") String service,
      @QueryParam("severity") String severity,
      @QueryParam("q") String text,
      @QueryParam("attr") List<String> attributes,
      @QueryParam("traceId") String traceId,
      @QueryParam("step") String step) {
    LogQuery query = query(projectId, from, to, service, severity, text, attributes, traceId);
    long rangeSeconds = Math.max(1, Duration.between(query.from(), query.to()).toSeconds());
    long stepSeconds = Steps.parseOrChoose(step, rangeSeconds);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.histogram(query, Duration.ofSeconds(stepSeconds))))
        .map(buckets -> new Histogram(query.from(), query.to(), stepSeconds, buckets));
  }

  @GET
  @Path("/projects/{projectId}/logs/services")
  public Uni<LogServices> logServices(
      @PathParam("projectId") long projectId, @QueryParam("from") String from, @QueryParam("to") String to) {
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.services(projectId, range.from(), range.to(), MAX_SERVICES)))
        .map(services -> new LogServices(services, range.from(), range.to()));
  }

  private LogQuery query(
      long projectId, String from, String to, String service, String severity, String text, List<String> attributes, String traceId) {
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    List<String> tokens =
        text == null || text.isBlank() ? List.of() : Arrays.stream(text.trim().split("\\s+")).toList();
    if (tokens.size() > MAX_TOKENS) {
      throw ApiException.badRequest("q may hold at most " + MAX_TOKENS + " words");
    }
    return new LogQuery(
        projectId,
        range.from(),
        range.to(),
        Params.optional(service),
        Severities.minimum(severity),
        tokens,
        AttributeFilters.parse(attributes),
        traceId == null || traceId.isBlank() ? null : Params.traceId(traceId));
  }

  private static LogPosition position(String cursor) {
    String[] parts = Cursors.decode(cursor, 2);
    if (parts == null) {
      return null;
    }
    try {
      return new LogPosition(Long.parseLong(parts[0]), Long.parseUnsignedLong(parts[1]));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid cursor");
    }
  }
}
