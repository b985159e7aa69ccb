package dev.vigil.processor.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.contracts.IngestHeaders;
import dev.vigil.processor.pipeline.DeadLetters;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.KnownProjects;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.Retrying;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * What the three OTLP consumers share: checking a batch's headers and projects, parsing and mapping
 * each record, and dead-lettering (with the reason) every record that fails one of those steps, so
 * that a poison record never blocks its partition.
 */
@Singleton
final class OtlpRecords {

  static final String DLQ_CHANNEL = "otlp-dlq";

  /** Parses and maps one record's protobuf value; a parse failure dead-letters the record. */
  @FunctionalInterface
  interface Mapping<T> {
    T map(OtlpRecord record) throws InvalidProtocolBufferException;
  }

  private final DeadLetters deadLetters;
  private final KnownProjects projects;
  private final Retrying retrying;
  private final ProcessorMetrics metrics;

  OtlpRecords(@Channel(DLQ_CHANNEL) MutinyEmitter<byte[]> deadLetters, KnownProjects projects, Retrying retrying,
      ProcessorMetrics metrics) {
    this.deadLetters = new DeadLetters(deadLetters);
    this.projects = projects;
    this.retrying = retrying;
    this.metrics = metrics;
  }

  /**
   * The mapped value of every record that could be processed, in batch order; the others are on the
   * dead-letter topic when this returns (it waits, retrying, while Kafka refuses them).
   *
   * @param signal "spans", "logs" or "metrics", for the dead-letter counter
   */
  <T> List<T> map(List<IngestRecord> records, String signal, Mapping<T> mapping) {
    Map<Long, String> known = projects.slugs(records.stream()
        .map(r -> r.longHeader(IngestHeaders.PROJECT_ID)).filter(Objects::nonNull).toList());
    List<T> mapped = new ArrayList<>(records.size());
    List<DeadLetters.DeadLetter> rejected = new ArrayList<>();
    for (IngestRecord record : records) {
      String reason = reject(record, known);
      if (reason == null) {
        try {
          mapped.add(mapping.map(new OtlpRecord(record, record.longHeader(IngestHeaders.PROJECT_ID), receivedAt(record))));
        } catch (InvalidProtocolBufferException e) {
          reason = "invalid protobuf: " + e.getMessage();
        } catch (RuntimeException e) {
          // A mapping bug triggered by this payload: keep the record for analysis rather than block the partition.
          reason = "processing failed: " + e;
        }
      }
      if (reason != null) {
        rejected.add(new DeadLetters.DeadLetter(record, reason));
      }
    }
    retrying.untilSuccess("dead-lettering " + rejected.size() + " OTLP records", () -> {
      deadLetters.send(rejected);
      return null;
    });
    rejected.forEach(r -> metrics.otlpDeadLettered(signal));
    return mapped;
  }

  private static String reject(IngestRecord record, Map<Long, String> known) {
    Long projectId = record.longHeader(IngestHeaders.PROJECT_ID);
    if (projectId == null) {
      return "missing or invalid header " + IngestHeaders.PROJECT_ID;
    }
    if (!known.containsKey(projectId)) {
      return "unknown project " + projectId;
    }
    if (record.value() == null) {
      return "empty record";
    }
    return null;
  }

  private static Instant receivedAt(IngestRecord record) {
    Long millis = record.longHeader(IngestHeaders.RECEIVED_AT);
    return Instant.ofEpochMilli(millis != null ? millis : record.timestamp());
  }
}
