package dev.vigil.processor;

import dev.vigil.contracts.IngestHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to the processor's test topics as the edges do (project and receive-time headers,
 * acks=all), so tests feed the consumers exactly what ingest-gateway and otlp-receiver would.
 */
public final class EdgeRecords implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;

  public EdgeRecords(String bootstrapServers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("acks", "all");
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends the record and waits for Kafka's acknowledgement; a null project leaves its header out. */
  public void send(String topic, String key, byte[] value, Long projectId) throws Exception {
    producer.send(record(topic, key, value, projectId)).get();
  }

  /** The record the edges would write, for tests that add headers of their own. */
  public ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, Long projectId) {
    ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, value);
    if (projectId != null) {
      r.headers().add(IngestHeaders.PROJECT_ID, String.valueOf(projectId).getBytes(StandardCharsets.UTF_8));
    }
    r.headers().add(IngestHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
    return r;
  }

  public void send(ProducerRecord<String, byte[]> record) throws Exception {
    producer.send(record).get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
