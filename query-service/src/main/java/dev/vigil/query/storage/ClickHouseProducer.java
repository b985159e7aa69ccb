package dev.vigil.query.storage;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.EventReads;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the storage library (plain Java) into CDI. */
final class ClickHouseProducer {

  @Produces
  @Singleton
  ClickHouseStorage storage(ClickHouseConfig config) {
    return new ClickHouseStorage(config.url(), config.database(), config.user(), config.password().orElse(""));
  }

  @Produces
  @Singleton
  EventReads eventReads(ClickHouseStorage storage) {
    return new EventReads(storage);
  }
}
