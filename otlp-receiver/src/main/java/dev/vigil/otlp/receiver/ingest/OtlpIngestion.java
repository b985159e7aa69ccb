package dev.vigil.otlp.receiver.ingest;

import com.google.protobuf.Message;
import dev.vigil.otlp.receiver.auth.KeyAuthenticator;
import dev.vigil.otlp.receiver.auth.RateLimits;
import dev.vigil.otlp.receiver.kafka.ExportMetadata;
import dev.vigil.otlp.receiver.kafka.OtlpKafkaConfig;
import dev.vigil.otlp.receiver.kafka.OtlpProducer;
import dev.vigil.otlp.receiver.split.LogSplitter;
import dev.vigil.otlp.receiver.split.MetricSplitter;
import dev.vigil.otlp.receiver.split.Split;
import dev.vigil.otlp.receiver.split.TraceSplitter;
import dev.vigil.state.projects.DsnKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What both transports do with an export, in order: authenticate, apply the key's rate limit,
 * validate and cut it into Kafka records, and complete once Kafka acknowledged them all. Runs on a
 * worker thread (a key lookup may wait for PostgreSQL); the wait for Kafka holds no thread.
 */
@ApplicationScoped
public class OtlpIngestion {

  @Inject KeyAuthenticator authenticator;
  @Inject RateLimits rateLimits;
  @Inject OtlpLimits limits;
  @Inject OtlpKafkaConfig topics;
  @Inject OtlpProducer producer;
  @Inject MeterRegistry registry;

  /** The key of the caller; refuses unknown and disabled keys. Blocking on a cache miss. */
  public DsnKey authenticate(Caller caller) {
    return authenticator.authenticate(caller.credential());
  }

  /** The name of the credential header or metadata key. */
  public String credentialHeader() {
    return authenticator.header();
  }

  /** Accepts a parsed export for an authenticated key. */
  public Uni<Outcome> accept(Signal signal, Message request, DsnKey key, Caller caller) {
    rateLimits.acquire(key);
    Split split =
        switch (signal) {
          case TRACES -> TraceSplitter.split((ExportTraceServiceRequest) request);
          case LOGS -> LogSplitter.split((ExportLogsServiceRequest) request, limits.recordTargetBytes());
          case METRICS -> MetricSplitter.split((ExportMetricsServiceRequest) request, key.projectId(), limits.recordTargetBytes());
        };
    ExportMetadata metadata =
        new ExportMetadata(key.projectId(), key.publicKey(), caller.receivedAtMillis(), caller.clientAddress(), caller.userAgent());
    return producer
        .send(topic(signal), split.records(), metadata)
        .invoke(
            () -> {
              registry.counter("vigil.otlp.items.accepted", "signal", signal.tag()).increment(split.accepted());
              registry.counter("vigil.otlp.items.rejected", "signal", signal.tag()).increment(split.rejected());
            })
        .replaceWith(new Outcome(split.rejected(), split.errorMessage()));
  }

  /** Counts a refused export (by kind), so operators see auth, size and Kafka problems apart. */
  public void countRefused(Signal signal, Refusal refusal) {
    registry.counter("vigil.otlp.requests.refused", "signal", signal.tag(), "reason", refusal.kind().name().toLowerCase(java.util.Locale.ROOT)).increment();
  }

  private String topic(Signal signal) {
    return switch (signal) {
      case TRACES -> topics.spansTopic();
      case LOGS -> topics.logsTopic();
      case METRICS -> topics.metricsTopic();
    };
  }
}
