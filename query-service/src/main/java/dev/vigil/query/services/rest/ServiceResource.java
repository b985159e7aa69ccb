package dev.vigil.query.services.rest;

import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.query.rest.TelemetryLimits;
import dev.vigil.query.rest.TimeRange;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.services.RedFigures;
import dev.vigil.storage.clickhouse.read.services.ServiceEdge;
import dev.vigil.storage.clickhouse.read.services.ServiceReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;

/** A project's services with RED figures, their operations, and the service dependency map. */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide their /api/v1/projects/{id}/... methods.
@Path("/api/v1")
public class ServiceResource {

  /** Services with their figures over the range. */
  public record ServiceList(Instant from, Instant to, List<RedFigures> services) {}

  /** One service's operations (span names) with their figures. */
  public record OperationList(String service, Instant from, Instant to, List<RedFigures> operations) {}

  /** A node of the service map. */
  public record Node(String name) {}

  /** The service map over the range. */
  public record ServiceMapJson(Instant from, Instant to, List<Node> nodes, List<ServiceEdge> edges) {}

  @Inject ProjectAccess projects;
  @Inject ServiceReads reads;
  @Inject TelemetryLimits limits;

  @GET
  @Path("/projects/{projectId}/services")
  public Uni<ServiceList> listServices(
      @PathParam("projectId") long projectId, @QueryParam("from") String from, @QueryParam("to") String to) {
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.services(projectId, range.from(), range.to())))
        .map(services -> new ServiceList(range.from(), range.to(), services));
  }

  @GET
  @Path("/projects/{projectId}/services/{service}/operations")
  public Uni<OperationList> listOperations(
      @PathParam("projectId") long projectId,
      @PathParam("service") String service,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    if (service.isBlank() || service.length() > 1000) {
      throw ApiException.badRequest("service must be 1-1000 characters");
    }
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.operations(projectId, service, range.from(), range.to())))
        .map(ops -> new OperationList(service, range.from(), range.to(), ops));
  }

  @GET
  @Path("/projects/{projectId}/service-map")
  public Uni<ServiceMapJson> serviceMap(
      @PathParam("projectId") long projectId, @QueryParam("from") String from, @QueryParam("to") String to) {
    TimeRange range = TimeRange.parse(from, to, limits.maxRange());
    return projects.require(projectId, Scope.EVENT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.serviceMap(projectId, range.from(), range.to())))
        .map(map -> new ServiceMapJson(range.from(), range.to(), map.nodes().stream().map(Node::new).toList(), map.edges()));
  }
}
