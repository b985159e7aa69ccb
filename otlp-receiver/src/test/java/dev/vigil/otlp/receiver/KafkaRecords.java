package dev.vigil.otlp.receiver;

import dev.vigil.contracts.IngestHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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

/** Reads back what the receiver wrote, with a plain consumer (no group, no commits). */
public final class KafkaRecords {

  private KafkaRecords() {}

  /**
   * The records of {@code projectId} on {@code topic} written since {@code sinceMillis}; waits until
   * at least {@code atLeast} arrived (up to 15 s), then returns what it has.
   */
  public static List<ConsumerRecord<String, byte[]>> of(String topic, long projectId, long sinceMillis, int atLeast) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "localhost:19092"));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    String project = Long.toString(projectId);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
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
      while (found.size() < atLeast && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
          if (project.equals(header(record, IngestHeaders.PROJECT_ID))) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  /** A header's value as text, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
