package dev.vigil.otlp.receiver.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns "decompressed message over max-inbound-message-size" into RESOURCE_EXHAUSTED. grpc-java checks
 * a compressed message's size while the request is parsed, and reports any exception thrown there as
 * UNKNOWN "Application error processing RPC"; an uncompressed one is refused by the deframer with
 * RESOURCE_EXHAUSTED. The request marshaller therefore answers an oversized message with a sentinel
 * request, which the service refuses with the status OTLP specifies.
 */
final class OversizedRequests {

  private OversizedRequests() {}

  /** A request instance that stands for "too large"; compared by identity. */
  @SuppressWarnings("unchecked")
  static <M extends Message> M sentinel(Message.Builder builder) {
    // An unknown field no client sends makes it unequal to any real request, for readers of dumps.
    UnknownFieldSet marker =
        UnknownFieldSet.newBuilder().addField(536_870_911, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build();
    return (M) builder.setUnknownFields(marker).build();
  }

  /** The service definition with every method's request marshaller guarded. */
  static ServerServiceDefinition guard(ServerServiceDefinition definition, Object sentinel) {
    ServiceDescriptor original = definition.getServiceDescriptor();
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    ServiceDescriptor.Builder service =
        ServiceDescriptor.newBuilder(original.getName()).setSchemaDescriptor(original.getSchemaDescriptor());
    for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
      ServerMethodDefinition<?, ?> guarded = guarded(method, sentinel);
      methods.add(guarded);
      service.addMethod(guarded.getMethodDescriptor());
    }
    ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(service.build());
    methods.forEach(builder::addMethod);
    return builder.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> guarded(ServerMethodDefinition<Q, R> method, Object sentinel) {
    MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor();
    MethodDescriptor.Marshaller<Q> marshaller = descriptor.getRequestMarshaller();
    MethodDescriptor.Marshaller<Q> guarded =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(Q value) {
            return marshaller.stream(value);
          }

          @Override
          @SuppressWarnings("unchecked")
          public Q parse(InputStream stream) {
            try {
              return marshaller.parse(stream);
            } catch (StatusRuntimeException e) {
              if (e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                return (Q) sentinel;
              }
              throw e;
            }
          }
        };
    return ServerMethodDefinition.create(
        descriptor.toBuilder(guarded, descriptor.getResponseMarshaller()).build(), method.getServerCallHandler());
  }
}
