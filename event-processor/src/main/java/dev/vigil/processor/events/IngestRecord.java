package dev.vigil.processor.events;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The parts of a Kafka record of {@code vigil.ingest.events} that processing needs. */
record IngestRecord(String topic, int partition, long offset, long timestamp, String key, byte[] value,
    Map<String, byte[]> headers) {

  static IngestRecord of(ConsumerRecord<String, byte[]> r) {
    Map<String, byte[]> headers = new HashMap<>();
    for (Header h : r.headers()) {
      headers.put(h.key(), h.value());
    }
    return new IngestRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), headers);
  }

  /** topic/partition/offset, the DLQ origin. */
  String origin() {
    return topic + "/" + partition + "/" + offset;
  }

  String header(String name) {
    byte[] v = headers.get(name);
    return v == null ? null : new String(v, java.nio.charset.StandardCharsets.UTF_8);
  }
}
