package dev.vigil.ingest.kafka;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dev.vigil.ingest.Fixtures;
import dev.vigil.ingest.TestProjects;
import dev.vigil.ingest.TestProjects.TestProject;
import dev.vigil.sentry.envelope.EventIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaDownTest.KafkaUnreachable.class)
class KafkaDownTest {

  @Inject TestProjects projects;

  @Test
  void answersServiceUnavailableWithRetryAfterNeverOk() {
    TestProject project = projects.create();
    long start = System.nanoTime();

    given()
        .header("X-Sentry-Auth", project.auth())
        .body(Fixtures.envelope(Fixtures.NODE, EventIds.generate()))
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(503)
        .header("Retry-After", matchesPattern("[0-9]+"))
        .header("X-Sentry-Error", containsString("event queue"));

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }

  /** Kafka on a port nothing listens on, with short timeouts. */
  public static final class KafkaUnreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kafka.bootstrap.servers", "localhost:1",
          "kafka.max.block.ms", "1500",
          "kafka.request.timeout.ms", "1000",
          "kafka.delivery.timeout.ms", "2000",
          "vigil.ingest.kafka.send-timeout", "3s",
          "vigil.ingest.kafka.retry-after", "15s");
    }
  }
}
