package dev.vigil.processor.clickhouse;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings the ClickHouse schema up to date before events are consumed. A failure stops start-up:
 * a processor must not write into a schema it does not know.
 */
@Singleton
final class ClickHouseSchemaStartup {

  private static final Logger LOG = Logger.getLogger(ClickHouseSchemaStartup.class);

  void migrate(@Observes StartupEvent start, ClickHouseStorage storage, AgroalDataSource postgres) {
    List<Integer> applied =
        new SchemaMigrations(storage)
            .apply(new PostgresAdvisoryLock(postgres, PostgresAdvisoryLock.CLICKHOUSE_MIGRATIONS));
    LOG.infof("ClickHouse schema of %s is up to date (applied now: %s)", storage.database(), applied);
  }
}
