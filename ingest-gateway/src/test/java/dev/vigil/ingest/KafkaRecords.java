package dev.vigil.ingest;

import dev.vigil.testsupport.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads back what the gateway wrote, with a plain consumer (no group, no commits). */
public final class KafkaRecords {

  private KafkaRecords() {}

  /** The record with this key written at or after {@code sinceMillis}, waiting up to 15 s. */
  public static ConsumerRecord<String, byte[]> await(String key, long sinceMillis) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "localhost:19092"));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TestTopics.INGEST_EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> times = new HashMap<>();
      partitions.forEach(p -> times.put(p, sinceMillis - 1000));
      Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
      for (TopicPartition p : partitions) {
        OffsetAndTimestamp offset = offsets.get(p);
        if (offset == null) {
          consumer.seekToEnd(List.of(p));
        } else {
          consumer.seek(p, offset.offset());
        }
      }
      long deadline = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + TestTopics.INGEST_EVENTS);
  }

  /** A header's value as text, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
