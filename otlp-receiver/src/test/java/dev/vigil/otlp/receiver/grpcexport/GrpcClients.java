package dev.vigil.otlp.receiver.grpcexport;

import dev.vigil.otlp.receiver.TestStack;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/** A plain grpc-java channel to the receiver, for statuses the OpenTelemetry exporters only log. */
final class GrpcClients {

  private GrpcClients() {}

  static ManagedChannel channel() {
    return NettyChannelBuilder.forAddress("localhost", TestStack.grpcPort())
        .usePlaintext()
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }

  /** The stub with {@code header: value} sent as call metadata (no header when value is null). */
  static <S extends AbstractStub<S>> S with(S stub, String header, String value) {
    if (value == null) {
      return stub;
    }
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of(header, Metadata.ASCII_STRING_MARSHALLER), value);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
  }
}
