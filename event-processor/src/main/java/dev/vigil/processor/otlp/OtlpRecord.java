package dev.vigil.processor.otlp;

import dev.vigil.processor.pipeline.IngestRecord;
import java.time.Instant;

/** An OTLP record whose headers were valid and whose project exists, ready to be parsed and mapped. */
record OtlpRecord(IngestRecord record, long projectId, Instant receivedAt) {

  /** Protobuf bytes as the receiver wrote them; never null here. */
  byte[] value() {
    return record.value();
  }

  /**
   * The seed of this record's log ids: its position in Kafka, so a replay yields the same ids. The
   * topic's hash keeps the ids of the test topics apart from those of the real ones on one broker.
   */
  long logIdSeed() {
    return dev.vigil.otlp.logs.LogIds.seed(record.partition() ^ record.topic().hashCode(), record.offset());
  }
}
