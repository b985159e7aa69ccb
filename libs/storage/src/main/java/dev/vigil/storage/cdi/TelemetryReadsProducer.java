package dev.vigil.storage.cdi;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.ingestion.IngestionReads;
import dev.vigil.storage.clickhouse.read.logs.LogReads;
import dev.vigil.storage.clickhouse.read.metrics.MetricReads;
import dev.vigil.storage.clickhouse.read.services.ServiceReads;
import dev.vigil.storage.clickhouse.read.traces.TraceReads;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the telemetry read side (traces, services, logs, metric catalogue, ingestion status) for the services that query it. */
final class TelemetryReadsProducer {

  @Produces
  @Singleton
  TraceReads traceReads(ClickHouseStorage storage) {
    return new TraceReads(storage);
  }

  @Produces
  @Singleton
  ServiceReads serviceReads(ClickHouseStorage storage) {
    return new ServiceReads(storage);
  }

  @Produces
  @Singleton
  LogReads logReads(ClickHouseStorage storage) {
    return new LogReads(storage);
  }

  @Produces
  @Singleton
  IngestionReads ingestionReads(ClickHouseStorage storage) {
    return new IngestionReads(storage);
  }

  @Produces
  @Singleton
  MetricReads metricReads(ClickHouseStorage storage) {
    return new MetricReads(storage);
  }
}
