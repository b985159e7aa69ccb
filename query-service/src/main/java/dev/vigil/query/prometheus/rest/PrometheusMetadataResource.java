package dev.vigil.query.prometheus.rest;

import static dev.vigil.query.prometheus.rest.PromEndpoints.params;
import static dev.vigil.query.prometheus.rest.PromEndpoints.read;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.prometheus.PromApiException;
import dev.vigil.query.prometheus.PromErrors;
import dev.vigil.query.prometheus.PromMetadata;
import dev.vigil.query.prometheus.PromParams;
import dev.vigil.query.prometheus.PromResponse;
import dev.vigil.query.prometheus.PromResponse.Success;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.read.metrics.MetricReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The metadata half of each project's Prometheus HTTP API ({@code <base>/api/v1/labels}, {@code
 * /label/<name>/values}, {@code /series}, {@code /metadata}, {@code /status/buildinfo}) over the series
 * catalogue, where {@code <base>} is {@code /api/v1/projects/{id}/prometheus}: the URL a Grafana
 * Prometheus data source or codemirror-promql is given. GET and form-encoded POST, like Prometheus.
 */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide their /api/v1/projects/{id}/... methods.
@Path("/api/v1")
public class PrometheusMetadataResource {

  static final String BASE = "/projects/{projectId}/prometheus/api/v1";

  /** Most label names, values and series one answer lists (Prometheus has no cap; clients may ask for less with limit). */
  static final int CAP = 10_000;

  /** How far back the catalogue is searched when a request names no start (it keeps 31 days). */
  static final Duration DEFAULT_LOOKBACK = Duration.ofDays(31);

  /** What /metadata covers: it has no time parameters in Prometheus either. */
  static final Duration METADATA_LOOKBACK = Duration.ofDays(7);

  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,199}");

  /** Prometheus's build information; the version states the API level Vigil answers (Grafana reads it to pick features). */
  public record BuildInfo(String version, String revision, String branch, String buildUser, String buildDate, String goVersion) {}

  @Inject ProjectAccess projects;
  @Inject MetricReads reads;

  @GET
  @Path(BASE + "/labels")
  public Uni<Success> labels(@PathParam("projectId") long projectId, @Context UriInfo uri) {
    return labels(projectId, params(uri));
  }

  @POST
  @Path(BASE + "/labels")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Success> labelsForm(@PathParam("projectId") long projectId, @Context UriInfo uri, MultivaluedMap<String, String> form) {
    return labels(projectId, params(uri, form));
  }

  @GET
  @Path(BASE + "/label/{name}/values")
  public Uni<Success> labelValues(@PathParam("projectId") long projectId, @PathParam("name") String name, @Context UriInfo uri) {
    if (!LABEL.matcher(name).matches()) {
      throw PromApiException.badData("invalid label name: \"" + name + "\"");
    }
    PromParams params = params(uri);
    Window w = window(params, DEFAULT_LOOKBACK);
    List<List<LabelMatcher>> selectors = params.selectors();
    int limit = params.limit(CAP);
    return read(projects, projectId, () -> truncated(reads.labelValuesMatching(projectId, name, selectors, w.start, w.end, limit + 1), limit));
  }

  @GET
  @Path(BASE + "/series")
  public Uni<Success> series(@PathParam("projectId") long projectId, @Context UriInfo uri) {
    return series(projectId, params(uri));
  }

  @POST
  @Path(BASE + "/series")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Success> seriesForm(@PathParam("projectId") long projectId, @Context UriInfo uri, MultivaluedMap<String, String> form) {
    return series(projectId, params(uri, form));
  }

  @GET
  @Path(BASE + "/metadata")
  public Uni<Success> metadata(@PathParam("projectId") long projectId, @Context UriInfo uri) {
    PromParams params = params(uri);
    int limit = params.limit(CAP);
    int perMetric = limitPerMetric(params.first("limit_per_metric"));
    String metric = params.first("metric");
    Instant now = Instant.now();
    return read(
        projects,
        projectId,
        () -> PromResponse.success(PromMetadata.of(reads.names(projectId, now.minus(METADATA_LOOKBACK), now, null, CAP), metric, limit, perMetric)));
  }

  @GET
  @Path(BASE + "/status/buildinfo")
  public Uni<Success> buildInfo(@PathParam("projectId") long projectId) {
    return projects.require(projectId, Scope.EVENT_READ)
        .map(p -> PromResponse.success(new BuildInfo("2.53.0", "vigil", "", "vigil", "", "")));
  }

  private Uni<Success> labels(long projectId, PromParams params) {
    Window w = window(params, DEFAULT_LOOKBACK);
    List<List<LabelMatcher>> selectors = params.selectors();
    int limit = params.limit(CAP);
    return read(
        projects,
        projectId,
        () -> {
          List<String> names = new ArrayList<>(reads.labelNamesMatching(projectId, selectors, w.start, w.end, limit + 1));
          // Every series has a name; the catalogue keeps it in its own column, not among the labels.
          if (!names.isEmpty() || !reads.labelValuesMatching(projectId, "__name__", selectors, w.start, w.end, 1).isEmpty()) {
            names.add("__name__");
            Collections.sort(names);
          }
          return truncated(names, limit);
        });
  }

  private Uni<Success> series(long projectId, PromParams params) {
    List<List<LabelMatcher>> selectors = params.selectors();
    if (selectors.isEmpty()) {
      throw PromApiException.badData("no match[] parameter provided");
    }
    Window w = window(params, DEFAULT_LOOKBACK);
    int limit = params.limit(CAP);
    return read(projects, projectId, () -> truncated(reads.series(projectId, selectors, w.start, w.end, limit + 1), limit));
  }

  /** The first {@code limit} items, with Prometheus's warning when there were more. */
  private static <T> Success truncated(List<T> items, int limit) {
    if (items.size() > limit) {
      return PromResponse.success(items.subList(0, limit), List.of("results truncated due to limit"));
    }
    return PromResponse.success(items);
  }

  private static int limitPerMetric(String value) {
    if (value == null) {
      return Integer.MAX_VALUE;
    }
    try {
      int n = Integer.parseInt(value.trim());
      return n <= 0 ? Integer.MAX_VALUE : n;
    } catch (NumberFormatException e) {
      throw PromApiException.badData("invalid parameter \"limit_per_metric\": cannot parse \"" + value + "\" to a valid limit");
    }
  }

  private record Window(Instant start, Instant end) {}

  private static Window window(PromParams params, Duration lookback) {
    Instant now = Instant.now();
    Instant end = params.time("end", now);
    Instant start = params.time("start", end.minus(lookback));
    if (end.isBefore(start)) {
      throw PromApiException.badData("end timestamp must not be before start time");
    }
    // The catalogue holds the last 31 days: far bounds (clients send year 0 or 9999) change nothing
    // but would overflow the nanosecond times bound to ClickHouse.
    Instant latest = now.plus(Duration.ofDays(1));
    Instant earliest = now.minus(Duration.ofDays(400));
    end = end.isAfter(latest) ? latest : end;
    start = start.isBefore(earliest) ? earliest : start;
    return new Window(start.isAfter(end) ? end : start, end);
  }

  /** This API's failures in Prometheus's error shape; the rest of the API keeps its own. */
  @ServerExceptionMapper({PromApiException.class, ApiException.class, StorageException.class})
  Response failure(RuntimeException e) {
    return PromErrors.of(e);
  }
}
