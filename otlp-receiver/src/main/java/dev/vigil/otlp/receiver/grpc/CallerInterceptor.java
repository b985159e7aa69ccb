package dev.vigil.otlp.receiver.grpc;

import dev.vigil.otlp.receiver.ingest.Caller;
import dev.vigil.otlp.receiver.ingest.OtlpIngestion;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Captures the credential metadata, User-Agent and peer address of a call for the export services. */
@ApplicationScoped
@GlobalInterceptor
public class CallerInterceptor implements ServerInterceptor {

  static final Context.Key<Caller> CALLER = Context.key("vigil-otlp-caller");

  private static final Metadata.Key<String> USER_AGENT = Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER);

  private final Metadata.Key<String> credential;

  @Inject
  CallerInterceptor(OtlpIngestion ingestion) {
    this.credential = Metadata.Key.of(ingestion.credentialHeader(), Metadata.ASCII_STRING_MARSHALLER);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String address =
        remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
    Caller caller = new Caller(headers.get(credential), address, headers.get(USER_AGENT), System.currentTimeMillis());
    return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
  }
}
