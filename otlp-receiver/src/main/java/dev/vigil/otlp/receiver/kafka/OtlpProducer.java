package dev.vigil.otlp.receiver.kafka;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.otlp.receiver.ingest.OtlpLimits;
import dev.vigil.otlp.receiver.ingest.Refusal;
import dev.vigil.otlp.receiver.ingest.Refusal.Kind;
import dev.vigil.otlp.receiver.split.KeyedRecord;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * Writes an export's records and completes when the broker acknowledged all of them (acks=all,
 * idempotent), so the receiver answers success only for what Kafka holds. A plain KafkaProducer, as
 * in ingest-gateway: the caller needs the acks of these records, with a deadline. When only some
 * records were acknowledged the export is answered unavailable and the client resends it whole;
 * consumers are idempotent (span ids, dedup tokens), so the repeat is harmless.
 */
@ApplicationScoped
public class OtlpProducer {

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  @Inject OtlpKafkaConfig config;
  @Inject OtlpLimits limits;

  private KafkaProducer<String, byte[]> producer;

  @PostConstruct
  void start() {
    // A span record holds one trace of an export, at most the whole (decompressed) export.
    producer = AcknowledgedProducers.create(kafkaConfig, limits.maxMessageBytes(), "vigil-otlp-receiver");
  }

  @PreDestroy
  void stop() {
    producer.close(Duration.ofSeconds(5));
  }

  /** Sends the records to {@code topic}; completes on the last ack, fails with a {@link Refusal}. */
  public Uni<Void> send(String topic, List<KeyedRecord> records, ExportMetadata metadata) {
    if (records.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    RecordHeaders headers = headers(metadata);
    long retryAfter = Math.max(1, config.retryAfter().toSeconds());
    CompletableFuture<?>[] acks = new CompletableFuture<?>[records.size()];
    try {
      for (int i = 0; i < records.size(); i++) {
        KeyedRecord record = records.get(i);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        acks[i] = ack;
        producer.send(
            new ProducerRecord<>(topic, null, record.key(), record.value(), headers),
            (meta, error) -> {
              if (error == null) {
                ack.complete(null);
              } else {
                ack.completeExceptionally(error);
              }
            });
      }
    } catch (KafkaException e) {
      // send() itself throws when the producer cannot even queue the record (metadata unavailable).
      return Uni.createFrom().failure(refusal(e, retryAfter));
    }
    return Uni.createFrom()
        .completionStage(CompletableFuture.allOf(acks))
        .ifNoItem()
        .after(config.sendTimeout())
        .failWith(() -> Refusal.retryable(Kind.UNAVAILABLE, "the telemetry queue did not acknowledge in time, retry later", retryAfter, null))
        .onFailure(e -> !(e instanceof Refusal))
        .transform(e -> refusal(e, retryAfter))
        .replaceWithVoid();
  }

  private static RecordHeaders headers(ExportMetadata metadata) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, IngestHeaders.PROJECT_ID, Long.toString(metadata.projectId()));
    header(headers, IngestHeaders.PUBLIC_KEY, metadata.publicKey());
    header(headers, IngestHeaders.RECEIVED_AT, Long.toString(metadata.receivedAtMillis()));
    header(headers, IngestHeaders.CLIENT_ADDRESS, metadata.clientAddress());
    header(headers, IngestHeaders.CLIENT, metadata.client());
    return headers;
  }

  private static Refusal refusal(Throwable error, long retryAfter) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof RecordTooLargeException) {
      return Refusal.of(Kind.TOO_LARGE, "the telemetry queue refused a record of this export as too large");
    }
    return Refusal.retryable(Kind.UNAVAILABLE, "the telemetry queue is unavailable, retry later", retryAfter, cause);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
