package dev.vigil.otlp.receiver.grpc;

import dev.vigil.otlp.receiver.ingest.Responses;
import dev.vigil.otlp.receiver.ingest.Signal;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;

/** OTLP/gRPC TraceService.Export, on the stub compiled in the opentelemetry-proto artifact
 * (AsyncService rather than ImplBase, whose bindService() is final: see {@link OversizedRequests}).
 */
@GrpcService
public class TraceExportService implements TraceServiceGrpc.AsyncService, BindableService {

  private static final ExportTraceServiceRequest TOO_LARGE = OversizedRequests.sentinel(ExportTraceServiceRequest.newBuilder());

  @Inject GrpcExports exports;

  @Override
  public ServerServiceDefinition bindService() {
    return OversizedRequests.guard(TraceServiceGrpc.bindService(this), TOO_LARGE);
  }

  @Override
  public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> observer) {
    if (request == TOO_LARGE) {
      exports.tooLarge(Signal.TRACES, observer);
      return;
    }
    exports.handle(Signal.TRACES, request, observer, Responses::traces);
  }
}
