package dev.vigil.otlp.receiver.grpc;

import dev.vigil.otlp.receiver.ingest.Responses;
import dev.vigil.otlp.receiver.ingest.Signal;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;

/** OTLP/gRPC MetricsService.Export, on the stub compiled in the opentelemetry-proto artifact
 * (AsyncService rather than ImplBase, whose bindService() is final: see {@link OversizedRequests}).
 */
@GrpcService
public class MetricsExportService implements MetricsServiceGrpc.AsyncService, BindableService {

  private static final ExportMetricsServiceRequest TOO_LARGE = OversizedRequests.sentinel(ExportMetricsServiceRequest.newBuilder());

  @Inject GrpcExports exports;

  @Override
  public ServerServiceDefinition bindService() {
    return OversizedRequests.guard(MetricsServiceGrpc.bindService(this), TOO_LARGE);
  }

  @Override
  public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> observer) {
    if (request == TOO_LARGE) {
      exports.tooLarge(Signal.METRICS, observer);
      return;
    }
    exports.handle(Signal.METRICS, request, observer, Responses::metrics);
  }
}
