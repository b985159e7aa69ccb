package dev.vigil.storage.cdi;

import dev.vigil.storage.EventWriter;
import dev.vigil.storage.LogWriter;
import dev.vigil.storage.MetricWriter;
import dev.vigil.storage.SpanWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.EventReads;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Wires the framework-free storage into CDI for every service that uses it, so that the services
 * share one configuration mapping; a service injects only the side it needs (writer or reads).
 */
final class ClickHouseStorageProducer {

  @Produces
  @Singleton
  ClickHouseStorage storage(ClickHouseConfig config) {
    return new ClickHouseStorage(config.url(), config.database(), config.user(), config.password().orElse(""));
  }

  void close(@Disposes ClickHouseStorage storage) {
    storage.close();
  }

  @Produces
  @Singleton
  EventWriter eventWriter(ClickHouseStorage storage) {
    return storage.eventWriter();
  }

  @Produces
  @Singleton
  SpanWriter spanWriter(ClickHouseStorage storage) {
    return storage.spanWriter();
  }

  @Produces
  @Singleton
  LogWriter logWriter(ClickHouseStorage storage) {
    return storage.logWriter();
  }

  @Produces
  @Singleton
  MetricWriter metricWriter(ClickHouseStorage storage) {
    return storage.metricWriter();
  }

  @Produces
  @Singleton
  EventReads eventReads(ClickHouseStorage storage) {
    return new EventReads(storage);
  }
}
