package dev.vigil.query.prometheus.rest;

import static dev.vigil.query.prometheus.rest.PrometheusMetadataResource.BASE;
import static dev.vigil.query.prometheus.rest.PromEndpoints.params;
import static dev.vigil.query.prometheus.rest.PromEndpoints.read;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.prometheus.PromApiException;
import dev.vigil.query.prometheus.PromErrors;
import dev.vigil.query.prometheus.PromParams;
import dev.vigil.query.prometheus.PromResponse.Success;
import dev.vigil.query.prometheus.PromqlRunner;
import dev.vigil.query.prometheus.PromqlRequest;
import dev.vigil.query.rest.ApiException;
import dev.vigil.storage.StorageException;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Instant and range queries of each project's Prometheus HTTP API ({@code <base>/api/v1/query},
 * {@code /query_range}). Parameters are checked as Prometheus checks them, and the query is parsed,
 * before {@link PromqlRunner} evaluates it over the project's samples in ClickHouse. {@code limit}
 * (Prometheus 3) caps the series returned, 0 or absent meaning no cap.
 */
// Class path /api/v1: see PrometheusMetadataResource.
@Path("/api/v1")
public class PrometheusQueryResource {

  /** Prometheus's own bound on the points of one range query series. */
  static final long MAX_POINTS = 11_000;

  @Inject ProjectAccess projects;
  @Inject PromqlRunner runner;

  @GET
  @Path(BASE + "/query")
  public Uni<Success> query(@PathParam("projectId") long projectId, @Context UriInfo uri) {
    return instant(projectId, params(uri));
  }

  @POST
  @Path(BASE + "/query")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Success> queryForm(@PathParam("projectId") long projectId, @Context UriInfo uri, MultivaluedMap<String, String> form) {
    return instant(projectId, params(uri, form));
  }

  @GET
  @Path(BASE + "/query_range")
  public Uni<Success> queryRange(@PathParam("projectId") long projectId, @Context UriInfo uri) {
    return range(projectId, params(uri));
  }

  @POST
  @Path(BASE + "/query_range")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Success> queryRangeForm(@PathParam("projectId") long projectId, @Context UriInfo uri, MultivaluedMap<String, String> form) {
    return range(projectId, params(uri, form));
  }

  private Uni<Success> instant(long projectId, PromParams params) {
    Instant time = params.time("time", Instant.now());
    return evaluate(projectId, params, time, time, null);
  }

  private Uni<Success> range(long projectId, PromParams params) {
    Instant start = required(params, "start");
    Instant end = required(params, "end");
    if (end.isBefore(start)) {
      throw PromApiException.badData("end timestamp must not be before start time");
    }
    Duration step = params.duration("step");
    if (step == null) {
      throw PromApiException.badData("invalid parameter \"step\": cannot parse \"\" to a valid duration");
    }
    if (step.isZero() || step.isNegative()) {
      throw PromApiException.badData("zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if (Duration.between(start, end).dividedBy(step) > MAX_POINTS) {
      throw PromApiException.badData(
          "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
    }
    return evaluate(projectId, params, start, end, step);
  }

  /** Reads the parameters both query kinds share, parses the query and runs it; a null step means an instant query. */
  private Uni<Success> evaluate(long projectId, PromParams params, Instant start, Instant end, Duration step) {
    Duration timeout = params.duration("timeout");
    Duration lookback = params.duration("lookback_delta");
    String query = params.first("query");
    int limit = params.limit(Integer.MAX_VALUE);
    PromqlRequest request = new PromqlRequest(query, parse(query), start, end, step, timeout, lookback);
    return read(projects, projectId, () -> runner.run(projectId, request, limit));
  }

  private static Instant required(PromParams params, String name) {
    Instant t = params.time(name, null);
    if (t == null) {
      throw PromApiException.badData("invalid parameter \"" + name + "\": cannot parse \"\" to a valid timestamp");
    }
    return t;
  }

  private static Expr parse(String query) {
    try {
      return Parser.parse(query == null ? "" : query);
    } catch (ParseException e) {
      throw PromApiException.badData("invalid parameter \"query\": " + e.getMessage());
    }
  }

  /** This API's failures in Prometheus's error shape; the rest of the API keeps its own. */
  @ServerExceptionMapper({PromApiException.class, ApiException.class, StorageException.class})
  Response failure(RuntimeException e) {
    return PromErrors.of(e);
  }
}
