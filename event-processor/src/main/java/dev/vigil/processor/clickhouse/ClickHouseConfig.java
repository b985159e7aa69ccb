package dev.vigil.processor.clickhouse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the event-processor writes signals: the ClickHouse endpoint and Vigil's database in it. */
@ConfigMapping(prefix = "vigil.clickhouse")
public interface ClickHouseConfig {

  /** JDBC URL of the ClickHouse HTTP interface; compression stays off for the chDB endpoint. */
  @WithDefault("jdbc:clickhouse:http://localhost:18123/default?compress=false")
  String url();

  /** Database that holds Vigil's tables; created by the schema migrations. */
  @WithDefault("vigil")
  String database();

  /** ClickHouse user. */
  @WithDefault("default")
  String user();

  /** ClickHouse password; empty when unset. */
  Optional<String> password();
}
