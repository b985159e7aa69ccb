package dev.vigil.storage.cdi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where a service reads and writes signals: the ClickHouse endpoint and Vigil's database in it. */
@ConfigMapping(prefix = "vigil.clickhouse")
public interface ClickHouseConfig {

  /** JDBC URL of the ClickHouse HTTP interface; compression stays off for the chDB endpoint. */
  @WithDefault("jdbc:clickhouse:http://localhost:18123/default?compress=false")
  String url();

  /** Database that holds Vigil's tables; created by the schema migrations (run by event-processor). */
  @WithDefault("vigil")
  String database();

  /** ClickHouse user. */
  @WithDefault("default")
  String user();

  /** ClickHouse password; absent for the local stack. */
  Optional<String> password();
}
