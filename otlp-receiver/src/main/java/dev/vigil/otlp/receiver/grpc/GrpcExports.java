package dev.vigil.otlp.receiver.grpc;

import com.google.protobuf.Message;
import dev.vigil.otlp.receiver.ingest.Caller;
import dev.vigil.otlp.receiver.ingest.OtlpIngestion;
import dev.vigil.otlp.receiver.ingest.OtlpLimits;
import dev.vigil.otlp.receiver.ingest.Outcome;
import dev.vigil.otlp.receiver.ingest.Refusal;
import dev.vigil.otlp.receiver.ingest.Signal;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs an export call: the caller captured by {@link CallerInterceptor} on the event loop, the key
 * lookup and validation on a worker thread, the answer when Kafka acknowledged (or refused).
 */
@ApplicationScoped
class GrpcExports {

  private static final Logger LOG = Logger.getLogger(GrpcExports.class);

  @Inject OtlpIngestion ingestion;
  @Inject OtlpLimits limits;

  /** Refuses a message that was over the size limit once decompressed (see {@link OversizedRequests}). */
  void tooLarge(Signal signal, StreamObserver<?> observer) {
    Refusal refusal =
        Refusal.of(
            Refusal.Kind.TOO_LARGE,
            "export request exceeded size limits: more than " + limits.maxMessageBytes() + " bytes after decompression");
    ingestion.countRefused(signal, refusal);
    observer.onError(GrpcStatuses.of(refusal));
  }

  <R> void handle(Signal signal, Message request, StreamObserver<R> observer, Function<Outcome, R> response) {
    Caller caller = CallerInterceptor.CALLER.get();
    Uni.createFrom()
        .item(() -> ingestion.authenticate(caller))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .chain(key -> ingestion.accept(signal, request, key, caller))
        .subscribe()
        .with(
            outcome -> {
              observer.onNext(response.apply(outcome));
              observer.onCompleted();
            },
            failure -> {
              if (failure instanceof Refusal refusal) {
                ingestion.countRefused(signal, refusal);
                if (refusal.kind() == Refusal.Kind.UNAVAILABLE) {
                  LOG.warnf(refusal.getCause(), "refused a gRPC %s export: %s", signal.tag(), refusal.getMessage());
                }
              } else {
                LOG.errorf(failure, "gRPC %s export failed", signal.tag());
              }
              observer.onError(GrpcStatuses.of(failure));
            });
  }
}
