package dev.vigil.processor.clickhouse;

import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while ClickHouse answers: without it no batch can be committed. */
@Readiness
@Singleton
final class ClickHouseHealthCheck implements HealthCheck {

  private final ClickHouseStorage storage;

  ClickHouseHealthCheck(ClickHouseStorage storage) {
    this.storage = storage;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("clickhouse").withData("database", storage.database());
    try {
      storage.ping();
      return response.up().build();
    } catch (StorageException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }
}
