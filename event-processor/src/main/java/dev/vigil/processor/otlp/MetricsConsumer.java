package dev.vigil.processor.otlp;

import dev.vigil.domain.telemetry.Exemplar;
import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.otlp.metrics.OtlpMetrics;
import dev.vigil.processor.kubernetes.KubernetesEnrichment;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.RecordRows;
import dev.vigil.storage.MetricWriter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores batches of {@code vigil.otlp.metrics} records in ClickHouse as series, samples and exemplars,
 * committed after the insert. One {@link OtlpMetrics} lives as long as the processor: it keeps the
 * running totals that turn delta sums into counters, which is why metrics records are keyed by
 * resource (every point of a series reaches this consumer).
 */
@ApplicationScoped
public class MetricsConsumer {

  static final String CHANNEL = "otlp-metrics";

  private final OtlpRecords records;
  private final MetricWriter writer;
  private final ProcessorMetrics metrics;
  private final OtlpMetrics mapping = new OtlpMetrics();
  private final KubernetesEnrichment kubernetes;

  MetricsConsumer(OtlpRecords records, MetricWriter writer, ProcessorMetrics metrics, KubernetesEnrichment kubernetes) {
    this.records = records;
    this.writer = writer;
    this.metrics = metrics;
    this.kubernetes = kubernetes;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    List<IngestRecord> polled = IngestRecord.all(batch);
    List<RecordRows<MetricBatch>> mapped = records.map(polled, "metrics",
        r -> mapping.toBatch(r.projectId(), ExportMetricsServiceRequest.parseFrom(r.value()), r.receivedAt(),
            kubernetes.resources(r.record(), r.receivedAt())));
    List<RecordRows<MetricBatch>> stored = records.store(polled, mapped, MetricsConsumer::merge, writer::insert, "metrics",
        m -> m.samples().size() + " metric samples");
    metrics.stored("samples", "otlp", stored.stream().mapToInt(m -> m.rows().samples().size()).sum());
  }

  private static MetricBatch merge(List<MetricBatch> batches) {
    List<MetricSeries> series = new ArrayList<>();
    List<MetricSample> samples = new ArrayList<>();
    List<Exemplar> exemplars = new ArrayList<>();
    for (MetricBatch b : batches) {
      series.addAll(b.series());
      samples.addAll(b.samples());
      exemplars.addAll(b.exemplars());
    }
    return new MetricBatch(series, samples, exemplars);
  }
}
