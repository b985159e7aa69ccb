package dev.vigil.processor.clickhouse;

import dev.vigil.storage.EventWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the framework-free ClickHouse storage library into CDI. */
final class ClickHouseProducer {

  @Produces
  @Singleton
  ClickHouseStorage storage(ClickHouseConfig config) {
    return new ClickHouseStorage(config.url(), config.database(), config.user(), config.password().orElse(""));
  }

  @Produces
  @Singleton
  EventWriter eventWriter(ClickHouseStorage storage) {
    return storage.eventWriter();
  }
}
