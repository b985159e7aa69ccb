package dev.vigil.ingest.kafka;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.ingest.errors.IngestError;
import dev.vigil.ingest.limits.IngestLimits;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import dev.vigil.edge.kafka.AcknowledgedProducers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes envelopes to Kafka and waits for the broker's acknowledgement (acks=all, idempotent), so the
 * gateway answers 200 only for what Kafka holds. A plain KafkaProducer rather than an Emitter: the
 * caller needs the ack of this one record, with a deadline.
 */
@ApplicationScoped
public class EnvelopeProducer {

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  @Inject IngestKafkaConfig config;
  @Inject IngestLimits limits;

  private KafkaProducer<String, byte[]> producer;

  @PostConstruct
  void start() {
    producer = AcknowledgedProducers.create(kafkaConfig, limits.maxEnvelopeSize().asLongValue(), "vigil-ingest-gateway");
  }

  @PreDestroy
  void stop() {
    producer.close(java.time.Duration.ofSeconds(5));
  }

  /**
   * Sends and completes when the broker acknowledged. Fails with 503 when Kafka is unavailable or
   * does not acknowledge within the send timeout, or 413 for a record the broker refuses as too
   * large. Nothing waits on a thread meanwhile, so slow acknowledgements do not exhaust the workers.
   */
  public Uni<Void> send(String eventId, byte[] envelope, IngestMetadata metadata) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, IngestHeaders.PROJECT_ID, Long.toString(metadata.projectId()));
    header(headers, IngestHeaders.PUBLIC_KEY, metadata.publicKey());
    header(headers, IngestHeaders.RECEIVED_AT, Long.toString(metadata.receivedAtMillis()));
    header(headers, IngestHeaders.CLIENT_ADDRESS, metadata.clientAddress());
    header(headers, IngestHeaders.CLIENT, metadata.client());
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.topic(), null, eventId, envelope, headers);
    long retryAfter = Math.max(1, config.retryAfter().toSeconds());
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          record,
          (metadataOrNull, error) -> {
            if (error == null) {
              acknowledged.complete(null);
            } else {
              acknowledged.completeExceptionally(error);
            }
          });
    } catch (KafkaException e) {
      // send() itself throws when the producer cannot even queue the record (metadata unavailable).
      return Uni.createFrom().failure(unavailable(e, retryAfter));
    }
    return Uni.createFrom()
        .completionStage(acknowledged)
        .ifNoItem()
        .after(config.sendTimeout())
        .failWith(() -> IngestError.unavailable("the event queue did not acknowledge in time, retry later", retryAfter, null))
        .onFailure(e -> !(e instanceof IngestError))
        .transform(e -> unavailable(e, retryAfter));
  }

  private static IngestError unavailable(Throwable error, long retryAfter) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof RecordTooLargeException) {
      return IngestError.tooLarge("envelope exceeded size limits: the event queue refused it as too large");
    }
    return IngestError.unavailable("the event queue is unavailable, retry later", retryAfter, cause);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
