package dev.vigil.processor.otlp;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.otlp.logs.OtlpLogs;
import dev.vigil.processor.kubernetes.KubernetesEnrichment;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.RecordInserts;
import dev.vigil.processor.pipeline.RecordRows;
import dev.vigil.storage.LogWriter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores batches of {@code vigil.otlp.logs} records in ClickHouse, each log record identified by its
 * Kafka record's position and its index in it (so a replay collapses), committed after the insert.
 */
@ApplicationScoped
public class LogsConsumer {

  static final String CHANNEL = "otlp-logs";

  private final OtlpRecords records;
  private final LogWriter writer;
  private final ProcessorMetrics metrics;
  private final KubernetesEnrichment kubernetes;

  LogsConsumer(OtlpRecords records, LogWriter writer, ProcessorMetrics metrics, KubernetesEnrichment kubernetes) {
    this.records = records;
    this.writer = writer;
    this.metrics = metrics;
    this.kubernetes = kubernetes;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    List<IngestRecord> polled = IngestRecord.all(batch);
    List<RecordRows<List<LogRecord>>> logs = records.map(polled, "logs",
        r -> OtlpLogs.toLogs(r.projectId(), ExportLogsServiceRequest.parseFrom(r.value()), r.logIdSeed(),
            r.receivedAt(), kubernetes.resources(r.record(), r.receivedAt())));
    List<RecordRows<List<LogRecord>>> stored = records.store(polled, logs, RecordInserts::concat, writer::insert, "logs", l -> l.size() + " log records");
    metrics.stored("logs", "otlp", stored.stream().mapToInt(m -> m.rows().size()).sum());
  }
}
