package dev.vigil.processor.clickhouse;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.util.List;

/** Vigil's ClickHouse schema, migrated one processor at a time under a PostgreSQL advisory lock. */
@Singleton
public final class ClickHouseSchema {

  private final ClickHouseStorage storage;
  private final AgroalDataSource postgres;

  ClickHouseSchema(ClickHouseStorage storage, AgroalDataSource postgres) {
    this.storage = storage;
    this.postgres = postgres;
  }

  /**
   * Applies the pending migrations.
   *
   * @return the versions applied now (empty when the schema was up to date)
   */
  public List<Integer> migrate() {
    return new SchemaMigrations(storage)
        .apply(new PostgresAdvisoryLock(postgres, PostgresAdvisoryLock.CLICKHOUSE_MIGRATIONS));
  }

  /** The database holding Vigil's tables. */
  public String database() {
    return storage.database();
  }

  /** The JDBC URL of the ClickHouse endpoint, for messages. */
  public String url() {
    return storage.url();
  }
}
