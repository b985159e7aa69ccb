package dev.vigil.otlp.receiver.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.vigil.otlp.receiver.ingest.Refusal;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * gRPC statuses for refusals, as OTLP/gRPC specifies: UNAVAILABLE and RESOURCE_EXHAUSTED carry
 * google.rpc.RetryInfo when the client should retry (exporters treat RESOURCE_EXHAUSTED without it
 * as final, which is what a too-large message needs).
 */
final class GrpcStatuses {

  private GrpcStatuses() {}

  static StatusRuntimeException of(Throwable failure) {
    if (!(failure instanceof Refusal refusal)) {
      return io.grpc.Status.INTERNAL.withDescription("internal error").withCause(failure).asRuntimeException();
    }
    Code code =
        switch (refusal.kind()) {
          case INVALID -> Code.INVALID_ARGUMENT;
          case UNAUTHENTICATED -> Code.UNAUTHENTICATED;
          case FORBIDDEN -> Code.PERMISSION_DENIED;
          case TOO_LARGE, RATE_LIMITED -> Code.RESOURCE_EXHAUSTED;
          case UNAVAILABLE -> Code.UNAVAILABLE;
        };
    Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(refusal.getMessage());
    if (refusal.retryAfterSeconds() > 0) {
      status.addDetails(
          Any.pack(
              RetryInfo.newBuilder()
                  .setRetryDelay(Duration.newBuilder().setSeconds(refusal.retryAfterSeconds()))
                  .build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
