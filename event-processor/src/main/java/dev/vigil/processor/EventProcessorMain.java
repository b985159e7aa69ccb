package dev.vigil.processor;

import dev.vigil.processor.migrate.Migration;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The processor's entry point. Normally it runs until it is asked to stop, as Quarkus' default main does;
 * with {@code VIGIL_MIGRATE_ONLY=true} it runs the {@link Migration} once and exits with its status (the
 * Helm chart's migration Job), consumers switched off by {@code MigrateOnlyConfigSourceFactory}.
 */
@QuarkusMain
public class EventProcessorMain implements QuarkusApplication {

  @Inject Migration migration;

  @ConfigProperty(name = "vigil.migrate-only", defaultValue = "false")
  boolean migrateOnly;

  @Override
  public int run(String... args) {
    if (migrateOnly) {
      return migration.run();
    }
    Quarkus.waitForExit();
    return 0;
  }
}
