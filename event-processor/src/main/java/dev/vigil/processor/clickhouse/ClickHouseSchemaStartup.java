package dev.vigil.processor.clickhouse;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Brings the ClickHouse schema up to date before events are consumed. A failure stops start-up:
 * a processor must not write into a schema it does not know. In migrate-only mode the migration
 * runs as a step of {@code dev.vigil.processor.migrate.Migration} instead, after PostgreSQL's.
 */
@Singleton
final class ClickHouseSchemaStartup {

  private static final Logger LOG = Logger.getLogger(ClickHouseSchemaStartup.class);

  void migrate(
      @Observes StartupEvent start,
      ClickHouseSchema schema,
      @ConfigProperty(name = "vigil.migrate-only", defaultValue = "false") boolean migrateOnly) {
    if (migrateOnly) {
      return;
    }
    List<Integer> applied = schema.migrate();
    LOG.infof("ClickHouse schema of %s is up to date (applied now: %s)", schema.database(), applied);
  }
}
