package dev.vigil.processor.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/** The parts of a consumed Kafka record (Sentry envelope or OTLP payload) that processing needs. */
public record IngestRecord(String topic, int partition, long offset, long timestamp, String key, byte[] value,
    Map<String, byte[]> headers) {

  public static IngestRecord of(ConsumerRecord<String, byte[]> r) {
    Map<String, byte[]> headers = new HashMap<>();
    for (Header h : r.headers()) {
      headers.put(h.key(), h.value());
    }
    return new IngestRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), headers);
  }

  /** Every record of a polled batch, in order. */
  public static List<IngestRecord> all(ConsumerRecords<String, byte[]> batch) {
    List<IngestRecord> records = new ArrayList<>(batch.count());
    for (ConsumerRecord<String, byte[]> r : batch) {
      records.add(of(r));
    }
    return records;
  }

  /** topic/partition/offset, the DLQ origin. */
  public String origin() {
    return topic + "/" + partition + "/" + offset;
  }

  public String header(String name) {
    byte[] v = headers.get(name);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  /** A header holding a number (project id, received-at), or null when it is absent or not a number. */
  public Long longHeader(String name) {
    String value = header(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
