package dev.vigil.processor;

import dev.vigil.contracts.IngestHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to the processor's test topics as the edges do (project and receive-time headers,
 * acks=all), so tests feed the consumers exactly what ingest-gateway and otlp-receiver would.
 */
public final class EdgeRecords implements AutoCloseable {

  private final String bootstrapServers;
  private final KafkaProducer<String, byte[]> producer;

  public EdgeRecords(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    producer = new KafkaProducer<>(producerProperties(bootstrapServers), new StringSerializer(), new ByteArraySerializer());
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

  /**
   * Sends records of one key as one produce request, so that they land in one record batch of the
   * log and the consumer polls them together (the connector hands over whole polls).
   */
  public void sendTogether(List<ProducerRecord<String, byte[]>> records) throws Exception {
    Properties p = producerProperties(bootstrapServers);
    // Nothing leaves before flush(): one batch per partition.
    p.put("linger.ms", "60000");
    p.put("batch.size", String.valueOf(8 * 1024 * 1024));
    try (KafkaProducer<String, byte[]> lingering =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      List<Future<?>> sent = records.stream().<Future<?>>map(lingering::send).toList();
      lingering.flush();
      for (Future<?> f : sent) {
        f.get();
      }
    }
  }

  /** A consumer of every partition of the topic, positioned at its end: it sees what is written from now on. */
  public KafkaConsumer<String, byte[]> tail(String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = c.partitionsFor(topic).stream()
        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    c.assign(partitions);
    c.seekToEnd(partitions);
    partitions.forEach(c::position);
    return c;
  }

  @Override
  public void close() {
    producer.close();
  }

  private static Properties producerProperties(String bootstrapServers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("acks", "all");
    return p;
  }
}
