package dev.vigil.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a test at the local stack's PostgreSQL test database after checking it is reachable. */
public final class PostgresStack implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    String reactiveUrl =
        StackEndpoint.env("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:15432/vigil_test");
    StackEndpoint.fromUri("PostgreSQL", reactiveUrl, 5432).requireReachable();
    return Map.of();
  }

  @Override
  public void stop() {}
}
