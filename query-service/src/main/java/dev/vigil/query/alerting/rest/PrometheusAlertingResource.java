package dev.vigil.query.alerting.rest;

import dev.vigil.query.alerting.PrometheusRules;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.prometheus.PromApiException;
import dev.vigil.query.prometheus.PromErrors;
import dev.vigil.query.prometheus.PromParams;
import dev.vigil.query.prometheus.PromResponse;
import dev.vigil.query.prometheus.PromResponse.Success;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.AlertReads;
import dev.vigil.state.alerting.AlertRuleGroups;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The rules and alerts of a project's Prometheus HTTP API ({@code <base>/api/v1/rules} and
 * {@code /alerts}, {@code <base>} = {@code /api/v1/projects/{id}/prometheus}), in Prometheus's shape and
 * envelope, for Grafana's alert list and other Prometheus clients. Needs alerts:read.
 */
// Class path /api/v1: see PrometheusMetadataResource.
@Path("/api/v1")
public class PrometheusAlertingResource {

  static final String BASE = "/projects/{projectId}/prometheus/api/v1";

  /** Most alerts one answer reads: the same bound as the alerting API's lists. */
  static final int MAX_ALERTS = 10_000;

  private static final List<String> ACTIVE = List.of("firing", "pending");

  @Inject ProjectAccess access;
  @Inject AlertRuleGroups groups;
  @Inject AlertReads reads;

  @GET
  @Path(BASE + "/rules")
  public Uni<Success> rules(@PathParam("projectId") long projectId, @Context UriInfo uri) {
    PrometheusRules.Filter filter = filter(PromParams.of(null, uri.getQueryParameters()));
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(
            p ->
                groups.list(p.id)
                    .chain(gs -> reads.instances(p.id, ACTIVE, MAX_ALERTS).map(as -> PrometheusRules.rules(gs, as, filter))))
        .map(PromResponse::success);
  }

  @GET
  @Path(BASE + "/alerts")
  public Uni<Success> alerts(@PathParam("projectId") long projectId) {
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> reads.instances(p.id, ACTIVE, MAX_ALERTS))
        .map(as -> PromResponse.success(PrometheusRules.alerts(as)));
  }

  static PrometheusRules.Filter filter(PromParams params) {
    String type = params.first("type");
    if (type != null && !type.equals("alert") && !type.equals("record")) {
      throw PromApiException.badData("invalid query parameter type='" + type + "'");
    }
    String exclude = params.first("exclude_alerts");
    if (exclude != null && !exclude.equals("true") && !exclude.equals("false")) {
      throw PromApiException.badData("parsing exclude_alerts: strconv.ParseBool: parsing \"" + exclude + "\": invalid syntax");
    }
    return new PrometheusRules.Filter(
        type, Set.copyOf(params.all("rule_name[]")), Set.copyOf(params.all("rule_group[]")), Set.copyOf(params.all("file[]")), "true".equals(exclude));
  }

  /** This API's failures in Prometheus's error shape. */
  @ServerExceptionMapper({PromApiException.class, ApiException.class})
  Response failure(RuntimeException e) {
    return PromErrors.of(e);
  }
}
