package dev.vigil.ingest.envelope;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.ingest.Fixtures;
import dev.vigil.ingest.KafkaRecords;
import dev.vigil.ingest.TestProjects;
import dev.vigil.ingest.TestProjects.TestProject;
import dev.vigil.sentry.envelope.Envelope;
import dev.vigil.sentry.envelope.EnvelopeParser;
import dev.vigil.sentry.envelope.EventIds;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnvelopeEndpointTest {

  @Inject TestProjects projects;

  @TestHTTPResource("/")
  URL root;

  TestProject project;

  @BeforeEach
  void useTheClassProject() {
    project = projects.of(EnvelopeEndpointTest.class);
  }

  @Test
  void forwardsAGzippedSentryPythonEnvelopeAsReceivedWithMetadata() throws Exception {
    String eventId = EventIds.generate();
    byte[] envelope = Fixtures.envelope(Fixtures.PYTHON, eventId);
    long before = System.currentTimeMillis();

    given()
        .header("X-Sentry-Auth", project.auth())
        .header("Content-Encoding", "gzip")
        .header("X-Forwarded-For", "203.0.113.7")
        .contentType("application/x-sentry-envelope")
        .body(Fixtures.gzip(envelope))
        .post("/api/{project}/envelope/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));

    ConsumerRecord<String, byte[]> record = KafkaRecords.await(eventId, before);
    assertThat(record.value()).isEqualTo(envelope);
    assertThat(KafkaRecords.header(record, IngestHeaders.PROJECT_ID)).isEqualTo(Long.toString(project.id()));
    assertThat(KafkaRecords.header(record, IngestHeaders.PUBLIC_KEY)).isEqualTo(project.publicKey());
    assertThat(KafkaRecords.header(record, IngestHeaders.CLIENT)).isEqualTo("sentry.python/2.19.0");
    assertThat(Long.parseLong(KafkaRecords.header(record, IngestHeaders.RECEIVED_AT)))
        .isBetween(before, System.currentTimeMillis());
    // X-Forwarded-For is not trusted unless configured: the address is the socket's.
    assertThat(KafkaRecords.header(record, IngestHeaders.CLIENT_ADDRESS)).isEqualTo("127.0.0.1");
  }

  @Test
  void acceptsTheSentryNodeEnvelopeWithoutLengthsAndTrailingNewline() throws Exception {
    String eventId = EventIds.generate();
    long before = System.currentTimeMillis();

    given()
        .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey() + ", sentry_client=sentry.javascript.node/8.42.0")
        .contentType("application/x-sentry-envelope")
        .body(Fixtures.envelope(Fixtures.NODE, eventId))
        .post("/api/{project}/envelope/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));

    assertThat(KafkaRecords.header(KafkaRecords.await(eventId, before), IngestHeaders.CLIENT))
        .isEqualTo("sentry.javascript.node/8.42.0");
  }

  @Test
  void acceptsTheSentryJavaEnvelopeWithAnAttachment() throws Exception {
    String eventId = EventIds.generate();
    long before = System.currentTimeMillis();

    given()
        .header("X-Sentry-Auth", project.auth())
        .contentType("application/x-sentry-envelope")
        .body(Fixtures.envelope(Fixtures.JAVA, eventId))
        .post("/api/{project}/envelope/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));

    Envelope forwarded = EnvelopeParser.parse(KafkaRecords.await(eventId, before).value());
    assertThat(forwarded.items()).extracting(i -> i.type()).containsExactly("event", "attachment");
  }

  @Test
  void needsNoContentType() throws Exception {
    String eventId = EventIds.generate();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root + "api/" + project.id() + "/envelope/"))
            .header("X-Sentry-Auth", project.auth())
            .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.envelope(Fixtures.NODE, eventId)))
            .build();
    assertThat(request.headers().firstValue("Content-Type")).isEmpty();

    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"id\":\"" + eventId + "\"}");
  }

  @Test
  void storeEndpointWrapsAJsonEventInAnEnvelope() throws Exception {
    String eventId = EventIds.generate();
    String event = "{\"event_id\":\"" + eventId + "\",\"message\":\"hello\",\"level\":\"info\",\"platform\":\"python\"}";
    long before = System.currentTimeMillis();

    given()
        .header("X-Sentry-Auth", project.auth())
        .contentType("application/json")
        .body(event)
        .post("/api/{project}/store/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));

    Envelope forwarded = EnvelopeParser.parse(KafkaRecords.await(eventId, before).value());
    assertThat(forwarded.header().eventId()).isEqualTo(eventId);
    assertThat(forwarded.items()).singleElement().satisfies(item -> {
      assertThat(item.type()).isEqualTo("event");
      assertThat(new String(item.payload(), StandardCharsets.UTF_8)).isEqualTo(event);
    });
  }

  @Test
  void storeEndpointGivesAnEventWithoutIdANewOne() throws Exception {
    long before = System.currentTimeMillis();
    String eventId =
        given()
            .queryParam("sentry_key", project.publicKey())
            .queryParam("sentry_version", "7")
            .contentType("text/plain;charset=UTF-8")
            .body("{\"message\":\"no id\"}")
            .post("/api/{project}/store/", project.id())
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    assertThat(EventIds.normalize(eventId)).isEqualTo(eventId);
    assertThat(EnvelopeParser.parse(KafkaRecords.await(eventId, before).value()).header().eventId()).isEqualTo(eventId);
  }

  @Test
  void storeEndpointTakesAnEnvelopeWhenTheContentTypeSaysSo() throws Exception {
    String eventId = EventIds.generate();
    long before = System.currentTimeMillis();

    given()
        .header("X-Sentry-Auth", project.auth())
        .contentType("application/x-sentry-envelope")
        .body(Fixtures.envelope(Fixtures.NODE, eventId))
        .post("/api/{project}/store/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));

    assertThat(KafkaRecords.await(eventId, before).value()).isEqualTo(Fixtures.envelope(Fixtures.NODE, eventId));
  }

  @Test
  void setsAGeneratedEventIdInTheHeaderOfAnEventEnvelopeWithoutOne() throws Exception {
    long before = System.currentTimeMillis();
    String body = "{}\n{\"type\":\"event\"}\n{\"message\":\"no id anywhere\"}\n";

    String eventId = post(body).statusCode(200).extract().path("id");

    Envelope forwarded = EnvelopeParser.parse(KafkaRecords.await(eventId, before).value());
    assertThat(forwarded.header().eventId()).isEqualTo(eventId);
    assertThat(new String(forwarded.items().get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"no id anywhere\"}");
  }

  @Test
  void takesTheEventIdFromTheEventWhenTheHeaderHasNone() {
    String eventId = EventIds.generate();
    String body = "{}\n{\"type\":\"event\"}\n{\"event_id\":\"" + eventId + "\",\"message\":\"m\"}\n";

    post(body).statusCode(200).body("id", equalTo(eventId));
  }

  @Test
  void acceptsAndKeepsUnknownAndNotYetSupportedItemTypes() throws Exception {
    String eventId = EventIds.generate();
    String body =
        "{\"event_id\":\"" + eventId + "\"}\n"
            + "{\"type\":\"session\"}\n{\"sid\":\"7c7b6585-4d3a-4a52-9f52-fb6e0f3c5a51\",\"status\":\"ok\",\"init\":true,\"attrs\":{\"release\":\"1.0\"}}\n"
            + "{\"type\":\"check_in\"}\n{\"check_in_id\":\"f0e1d2c3b4a5968778695a4b3c2d1e0f\",\"monitor_slug\":\"nightly\",\"status\":\"ok\"}\n"
            + "{\"type\":\"statsd\",\"length\":10}\nfoo:1|c|#a\n\n"
            + "{\"type\":\"something_from_the_future\",\"length\":4}\nabcd\n";
    long before = System.currentTimeMillis();

    post(body).statusCode(200).body("id", equalTo(eventId));

    assertThat(EnvelopeParser.parse(KafkaRecords.await(eventId, before).value()).items())
        .extracting(i -> i.type())
        .containsExactly("session", "check_in", "statsd", "something_from_the_future");
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("vigil_ingest_items_total{type=\"other\"").contains("vigil_ingest_items_total{type=\"check_in\"");
  }

  @Test
  void refusesInvalidJsonInsideAValidEnvelope() {
    post("{}\n{\"type\":\"event\"}\n{\"message\": \"unterminated\n")
        .statusCode(400)
        .header("X-Sentry-Error", org.hamcrest.Matchers.containsString("invalid JSON data"))
        .body("detail", org.hamcrest.Matchers.containsString("event item"));
    post("{}\n{\"type\":\"transaction\"}\n[1,2]\n").statusCode(400).body("detail", org.hamcrest.Matchers.containsString("not a JSON object"));
  }

  @Test
  void refusesAGarbageBody() {
    post("this is not an envelope").statusCode(400).body("detail", org.hamcrest.Matchers.startsWith("invalid event envelope"));
    post("").statusCode(400);
    given()
        .header("X-Sentry-Auth", project.auth())
        .body("not json")
        .post("/api/{project}/store/", project.id())
        .then()
        .statusCode(400)
        .body("detail", org.hamcrest.Matchers.containsString("invalid JSON data"));
  }

  private io.restassured.response.ValidatableResponse post(String body) {
    return given()
        .header("X-Sentry-Auth", project.auth())
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/{project}/envelope/", project.id())
        .then();
  }

}
