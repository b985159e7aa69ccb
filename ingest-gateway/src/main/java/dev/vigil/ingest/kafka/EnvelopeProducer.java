package dev.vigil.ingest.kafka;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.ingest.errors.IngestError;
import dev.vigil.ingest.limits.IngestLimits;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes envelopes to Kafka and waits for the broker's acknowledgement (acks=all, idempotent), so the
 * gateway answers 200 only for what Kafka holds. A plain KafkaProducer rather than an Emitter: the
 * caller needs the ack of this one record, with a deadline, on its own thread.
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
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Fail fast enough that the SDK gets a 503 before its own HTTP timeout (SDKs use 5-30 s).
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Long.toString(limits.maxEnvelopeSize().asLongValue() + 1024 * 1024));
    props.putAll(kafkaConfig);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vigil-ingest-gateway");
    producer = new KafkaProducer<>(props);
  }

  @PreDestroy
  void stop() {
    producer.close(java.time.Duration.ofSeconds(5));
  }

  /** Sends and waits for the acknowledgement; throws 503 (or 413 for a record the broker refuses as too large). */
  public void send(String eventId, byte[] envelope, IngestMetadata metadata) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, IngestHeaders.PROJECT_ID, Long.toString(metadata.projectId()));
    header(headers, IngestHeaders.PUBLIC_KEY, metadata.publicKey());
    header(headers, IngestHeaders.RECEIVED_AT, Long.toString(metadata.receivedAtMillis()));
    header(headers, IngestHeaders.CLIENT_ADDRESS, metadata.clientAddress());
    header(headers, IngestHeaders.CLIENT, metadata.client());
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.topic(), null, eventId, envelope, headers);
    long retryAfter = Math.max(1, config.retryAfter().toSeconds());
    try {
      producer.send(record).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RecordTooLargeException) {
        throw IngestError.tooLarge("envelope exceeded size limits: the event queue refused it as too large");
      }
      throw IngestError.unavailable("the event queue is unavailable, retry later", retryAfter, e.getCause());
    } catch (TimeoutException e) {
      throw IngestError.unavailable("the event queue did not acknowledge in time, retry later", retryAfter, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IngestError.unavailable("interrupted while waiting for the event queue", retryAfter, e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw IngestError.unavailable("the event queue is unavailable, retry later", retryAfter, e);
    }
  }

  private static void header(RecordHeaders headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
