package dev.vigil.otlp.receiver.grpc;

import dev.vigil.otlp.receiver.ingest.Responses;
import dev.vigil.otlp.receiver.ingest.Signal;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;

/** OTLP/gRPC LogsService.Export, on the stub compiled in the opentelemetry-proto artifact
 * (AsyncService rather than ImplBase, whose bindService() is final: see {@link OversizedRequests}).
 */
@GrpcService
public class LogsExportService implements LogsServiceGrpc.AsyncService, BindableService {

  private static final ExportLogsServiceRequest TOO_LARGE = OversizedRequests.sentinel(ExportLogsServiceRequest.newBuilder());

  @Inject GrpcExports exports;

  @Override
  public ServerServiceDefinition bindService() {
    return OversizedRequests.guard(LogsServiceGrpc.bindService(this), TOO_LARGE);
  }

  @Override
  public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> observer) {
    if (request == TOO_LARGE) {
      exports.tooLarge(Signal.LOGS, observer);
      return;
    }
    exports.handle(Signal.LOGS, request, observer, Responses::logs);
  }
}
