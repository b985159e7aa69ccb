package dev.vigil.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a test at the local stack's Kafka broker (or KAFKA_BOOTSTRAP_SERVERS) after checking it is
 * reachable, so a missing broker fails in one clear line instead of a minute of client retries.
 */
public final class KafkaStack implements QuarkusTestResourceLifecycleManager {

  /** The bootstrap servers tests use. */
  public static String bootstrapServers() {
    return StackEndpoint.env("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092");
  }

  @Override
  public Map<String, String> start() {
    StackEndpoint.fromUri("Kafka", "kafka://" + bootstrapServers().split(",")[0], 19092).requireReachable();
    return Map.of("kafka.bootstrap.servers", bootstrapServers());
  }

  @Override
  public void stop() {}
}
