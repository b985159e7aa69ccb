package dev.vigil.processor.otlp;

import dev.vigil.domain.telemetry.Span;
import dev.vigil.otlp.traces.OtlpSpans;
import dev.vigil.processor.kubernetes.KubernetesEnrichment;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.RecordInserts;
import dev.vigil.processor.pipeline.RecordRows;
import dev.vigil.storage.SpanWriter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores batches of {@code vigil.otlp.spans} records in ClickHouse. Like the envelope consumer, it
 * returns (and so lets the batch's offsets be committed) only after the insert succeeded, waiting
 * with backoff while ClickHouse is down.
 */
@ApplicationScoped
public class SpansConsumer {

  static final String CHANNEL = "otlp-spans";

  private final OtlpRecords records;
  private final SpanWriter writer;
  private final ProcessorMetrics metrics;
  private final KubernetesEnrichment kubernetes;

  SpansConsumer(OtlpRecords records, SpanWriter writer, ProcessorMetrics metrics, KubernetesEnrichment kubernetes) {
    this.records = records;
    this.writer = writer;
    this.metrics = metrics;
    this.kubernetes = kubernetes;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    List<IngestRecord> polled = IngestRecord.all(batch);
    List<RecordRows<List<Span>>> spans = records.map(polled, "spans",
        r -> OtlpSpans.toSpans(r.projectId(), ExportTraceServiceRequest.parseFrom(r.value()),
            kubernetes.resources(r.record(), r.receivedAt())));
    List<RecordRows<List<Span>>> stored = records.store(polled, spans, RecordInserts::concat, writer::insert, "spans", s -> s.size() + " spans");
    metrics.stored("spans", "otlp", stored.stream().mapToInt(m -> m.rows().size()).sum());
  }
}
