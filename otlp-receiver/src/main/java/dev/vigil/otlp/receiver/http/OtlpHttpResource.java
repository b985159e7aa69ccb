package dev.vigil.otlp.receiver.http;

import dev.vigil.otlp.receiver.ingest.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OTLP/HTTP endpoints. Bodies are read as bytes whatever their Content-Type, so that an unsupported
 * type gets OTLP's 415 with a google.rpc.Status, and decoded here so limits apply while inflating.
 */
@Path("/v1")
@Consumes(MediaType.WILDCARD)
public class OtlpHttpResource {

  @Inject HttpExports exports;

  @POST
  @Path("/traces")
  @Blocking
  public Uni<Response> traces(@Context HttpHeaders headers, @Context HttpServerRequest vertx, byte[] body) {
    return exports.handle(Signal.TRACES, ExportTraceServiceRequest.newBuilder(), headers, vertx, body);
  }

  @POST
  @Path("/metrics")
  @Blocking
  public Uni<Response> metrics(@Context HttpHeaders headers, @Context HttpServerRequest vertx, byte[] body) {
    return exports.handle(Signal.METRICS, ExportMetricsServiceRequest.newBuilder(), headers, vertx, body);
  }

  @POST
  @Path("/logs")
  @Blocking
  public Uni<Response> logs(@Context HttpHeaders headers, @Context HttpServerRequest vertx, byte[] body) {
    return exports.handle(Signal.LOGS, ExportLogsServiceRequest.newBuilder(), headers, vertx, body);
  }
}
