package dev.vigil.query.metrics.rest;

import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.Params;
import dev.vigil.query.rest.TelemetryLimits;
import dev.vigil.query.rest.TimeRange;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.metrics.MetricName;
import dev.vigil.storage.clickhouse.read.metrics.MetricReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.regex.Pattern;

/** The metric catalogue: series names with metadata, label names, label values (the days of the range). */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide their /api/v1/projects/{id}/... methods.
@Path("/api/v1")
public class MetricCatalogResource {

  /** Series names with their family's type, unit and help. */
  public record Names(List<MetricName> metrics) {}

  /** Label names. */
  public record Labels(String metric, List<String> labels) {}

  /** Values of one label. */
  public record Values(String metric, String label, List<String> values) {}

  // Prometheus' label name syntax; __name__ is the metric name.
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,199}");
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:.]{0,399}");

  @Inject ProjectAccess projects;
  @Inject MetricReads reads;
  @Inject TelemetryLimits limits;

  @GET
  @Path("/projects/{projectId}/metrics/names")
  public Uni<Names> metricNames(
      @PathParam("projectId") long projectId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("match") String match,
      @QueryParam("limit") String limit) {
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    int size = Params.intInRange("limit", limit, 1000, 1, 10000);
    String text = Params.optional(match);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.names(projectId, range.from(), range.to(), text, size)))
        .map(Names::new);
  }

  @GET
  @Path("/projects/{projectId}/metrics/labels")
  public Uni<Labels> metricLabels(
      @PathParam("projectId") long projectId,
      @QueryParam("metric") String metric,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    String name = metric(metric);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.labelNames(projectId, name, range.from(), range.to(), 10000)))
        .map(labels -> new Labels(name, labels));
  }

  @GET
  @Path("/projects/{projectId}/metrics/labels/{label}/values")
  public Uni<Values> metricLabelValues(
      @PathParam("projectId") long projectId,
      @PathParam("label") String label,
      @QueryParam("metric") String metric,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit) {
    if (!LABEL.matcher(label).matches()) {
      throw ApiException.badRequest("label must match " + LABEL.pattern());
    }
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    String name = metric(metric);
    int size = Params.intInRange("limit", limit, 1000, 1, 10000);
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.labelValues(projectId, name, label, range.from(), range.to(), size)))
        .map(values -> new Values(name, label, values));
  }

  private static String metric(String value) {
    String v = Params.optional(value);
    if (v != null && !METRIC.matcher(v).matches()) {
      throw ApiException.badRequest("metric must be a metric name matching " + METRIC.pattern());
    }
    return v;
  }
}
