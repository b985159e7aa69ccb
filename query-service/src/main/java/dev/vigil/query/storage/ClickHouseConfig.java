package dev.vigil.query.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where query-service reads events: the ClickHouse endpoint and the database holding Vigil's tables. */
@ConfigMapping(prefix = "vigil.clickhouse")
public interface ClickHouseConfig {

  /** JDBC URL of the ClickHouse HTTP interface. */
  @WithDefault("jdbc:clickhouse:http://localhost:18123/default?compress=false")
  String url();

  /** Database that holds the events table (created by the event-processor's migrations). */
  @WithDefault("vigil")
  String database();

  /** ClickHouse user. */
  @WithDefault("default")
  String user();

  /** ClickHouse password; absent for the local stack. */
  Optional<String> password();
}
