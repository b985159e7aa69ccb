package dev.vigil.edge.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka producer both edges write through: every record acknowledged by all in-sync replicas
 * (acks=all, idempotent), so an edge answers success only for what Kafka holds, and deadlines short
 * enough that an SDK gets a retryable answer (503 / UNAVAILABLE) before its own timeout (5-30 s).
 */
public final class AcknowledgedProducers {

  private static final long HEADROOM_BYTES = 1024 * 1024;

  private AcknowledgedProducers() {}

  /**
   * A producer with the edge settings, then {@code brokerConfig} (the connector's
   * {@code default-kafka-broker} map: bootstrap servers, security), then the serializers.
   *
   * @param maxPayloadBytes the largest record value the edge accepts; requests get headroom for headers
   */
  public static KafkaProducer<String, byte[]> create(
      Map<String, Object> brokerConfig, long maxPayloadBytes, String clientId) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Long.toString(maxPayloadBytes + HEADROOM_BYTES));
    props.putAll(brokerConfig);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return new KafkaProducer<>(props);
  }
}
