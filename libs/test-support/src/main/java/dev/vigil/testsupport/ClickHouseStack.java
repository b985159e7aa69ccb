package dev.vigil.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a test at the local stack's ClickHouse HTTP endpoint after checking it is reachable. */
public final class ClickHouseStack implements QuarkusTestResourceLifecycleManager {

  /** The JDBC URL tests use. */
  public static String jdbcUrl() {
    return StackEndpoint.env(
        "VIGIL_CLICKHOUSE_URL", "jdbc:clickhouse:http://localhost:18123/default?compress=false");
  }

  @Override
  public Map<String, String> start() {
    StackEndpoint.fromUri("ClickHouse", jdbcUrl().replaceFirst("^jdbc:clickhouse:", ""), 8123)
        .requireReachable();
    return Map.of("vigil.clickhouse.url", jdbcUrl());
  }

  @Override
  public void stop() {}
}
