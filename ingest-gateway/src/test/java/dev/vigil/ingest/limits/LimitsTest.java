package dev.vigil.ingest.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.vigil.ingest.Fixtures;
import dev.vigil.ingest.TestProjects;
import dev.vigil.ingest.TestProjects.TestProject;
import dev.vigil.sentry.envelope.EventIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LimitsTest {

  @Inject TestProjects projects;

  TestProject project;

  @BeforeEach
  void useTheClassProject() {
    project = projects.of(LimitsTest.class);
  }

  @Test
  void refusesACompressionBombWithoutInflatingIt() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1024 * 1024];
      gzip.write("{}\n{\"type\":\"attachment\",\"length\":209715200}\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 200; i++) {
        gzip.write(zeros);
      }
    }
    assertThat(compressed.size()).isLessThan(1024 * 1024);
    long start = System.nanoTime();

    given()
        .header("X-Sentry-Auth", project.auth())
        .header("Content-Encoding", "gzip")
        .body(compressed.toByteArray())
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(413)
        .body("detail", containsString("exceeded size limits"));

    // Inflating 200 MiB would take seconds; stopping at the 20 MiB limit takes a fraction of that.
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void refusesAnEventOverOneMebibyte() {
    String big = "x".repeat(1024 * 1024);
    String body = "{}\n{\"type\":\"event\"}\n{\"message\":\"" + big + "\"}\n";

    given()
        .header("X-Sentry-Auth", project.auth())
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(413)
        .body("detail", containsString("max-event-size"));
    given()
        .header("X-Sentry-Auth", project.auth())
        .header("Content-Encoding", "gzip")
        .body(Fixtures.gzip(("{\"message\":\"" + big + "\"}").getBytes(StandardCharsets.UTF_8)))
        .post("/api/{p}/store/", project.id())
        .then()
        .statusCode(413);
  }

  @Test
  void acceptsAnAttachmentLargerThanAnEvent() {
    String eventId = EventIds.generate();
    byte[] attachment = new byte[2 * 1024 * 1024];
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\"}\n{}\n{\"type\":\"attachment\",\"length\":"
        + attachment.length + ",\"filename\":\"dump.bin\"}\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(attachment);

    given()
        .header("X-Sentry-Auth", project.auth())
        .header("Content-Encoding", "gzip")
        .body(Fixtures.gzip(body.toByteArray()))
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));
  }

  @Test
  void answersTooManyRequestsInRelaysFormatOnceAKeyIsOverItsLimit() {
    String key = projects.addKey(project.id(), "rateLimitPerMinute = 2");
    // Five envelopes span at most two one-minute windows, so at most four pass and at least one is limited.
    List<io.restassured.response.Response> responses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      responses.add(given().queryParam("sentry_key", key).body(Fixtures.envelope(Fixtures.NODE, EventIds.generate()))
          .post("/api/{p}/envelope/", project.id()));
    }

    assertThat(responses).extracting(r -> r.statusCode()).containsOnly(200, 429).filteredOn(s -> s == 200).hasSizeBetween(2, 4);
    io.restassured.response.Response limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    limited.then()
        .header("Retry-After", matchesPattern("[1-9][0-9]?"))
        .header("X-Sentry-Rate-Limits", matchesPattern("[1-9][0-9]?::key:key_quota"))
        .body("detail", containsString("rate limit"));
    assertThat(limited.header("X-Sentry-Rate-Limits")).startsWith(limited.header("Retry-After") + ":");
  }
}
