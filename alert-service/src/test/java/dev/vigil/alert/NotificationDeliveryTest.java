package dev.vigil.alert;

import static dev.vigil.alert.AlertingFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.alerting.channels.Notification;
import dev.vigil.alerting.channels.WebhookSignature;
import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.state.AlertState;
import dev.vigil.state.alerting.runtime.NotificationOutbox;
import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.PostgresStack;
import dev.vigil.testsupport.capture.CapturedRequest;
import dev.vigil.testsupport.capture.NotificationCaptureServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivering queued notifications the way Discord, Slack, webhook receivers and mail servers answer:
 * a 429 storm is waited out for exactly as long as each 429 asks (Discord's JSON retry_after, Slack's
 * Retry-After header) and then delivered once; a server error is retried with backoff; a deleted webhook
 * (404) fails at once with its answer in the delivery log; webhooks carry a verifiable HMAC signature;
 * email reaches a real SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseStack.class)
class NotificationDeliveryTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject AlertingFixture fixture;
  @Inject NotificationOutbox outbox;
  @Inject ObjectMapper json;

  NotificationCaptureServer capture;
  long project;

  @BeforeEach
  void start() {
    capture = NotificationCaptureServer.start();
    project = fixture.project();
  }

  @AfterEach
  void stop() {
    capture.close();
  }

  @Test
  void aDiscord429StormIsWaitedOutAsDiscordAsksAndDeliveredOnce() throws Exception {
    String path = "/discord/storm-" + project;
    for (int i = 0; i < 3; i++) {
      capture.respondWith(path, 429, Map.of("Content-Type", "application/json"), "{\"message\": \"You are being rate limited.\", \"retry_after\": 0.7, \"global\": false}");
    }
    long channel = fixture.channel(project, "discord", new JsonObject().put("url", capture.url(path)), "");
    long delivery = enqueue(channel);

    List<CapturedRequest> requests = capture.awaitRequests(path, 4, WAIT);
    for (int i = 1; i < 4; i++) {
      assertThat(Duration.between(requests.get(i - 1).receivedAt(), requests.get(i).receivedAt()))
          .as("attempt %d waited for retry_after", i + 1)
          .isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }
    Row row = awaitFinal(delivery);
    assertThat(row.getString("status")).isEqualTo("sent");
    assertThat(row.getInteger("last_status_code")).isEqualTo(204);
    Thread.sleep(1000);
    assertThat(capture.requests(path)).as("sent once, never again").hasSize(4);

    // What an SRE alerts on: the waits and the delivery are counted per channel type.
    String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern("vigil_alerting_deliveries_total\\{channel_type=\"discord\",outcome=\"rate_limited\"[^}]*\\} [3-9]")
        .contains("vigil_alerting_deliveries_total{channel_type=\"discord\",outcome=\"sent\"")
        .contains("vigil_alerting_leader 1.0");
  }

  @Test
  void slackRetryAfterHeaderIsHonouredAndAServerErrorIsRetried() throws Exception {
    String path = "/slack/retry-" + project;
    capture.respondWith(path, 429, Map.of("Retry-After", "1"), "rate_limited");
    capture.respondWith(path, 503, Map.of(), "upstream down");
    long channel = fixture.channel(project, "slack", new JsonObject().put("url", capture.url(path)), "");
    long delivery = enqueue(channel);

    List<CapturedRequest> requests = capture.awaitRequests(path, 3, WAIT);
    assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(requests.get(2).rejected()).as(requests.get(2).rejection()).isFalse();
    Row row = awaitFinal(delivery);
    assertThat(row.getString("status")).isEqualTo("sent");
    assertThat(row.getInteger("attempts")).isEqualTo(3);
  }

  @Test
  void aDeletedWebhookFailsAtOnceWithItsAnswerInTheLog() throws Exception {
    String path = "/hooks/gone-" + project;
    capture.respondWith(path, 404, Map.of("Content-Type", "application/json"), "{\"message\": \"Unknown Webhook\", \"code\": 10015}");
    long channel = fixture.channel(project, "webhook", new JsonObject().put("url", capture.url(path)), "");
    long delivery = enqueue(channel);

    Row row = awaitFinal(delivery);
    assertThat(row.getString("status")).isEqualTo("failed");
    assertThat(row.getInteger("last_status_code")).isEqualTo(404);
    assertThat(row.getString("last_error")).contains("Unknown Webhook");
    assertThat(capture.requests(path)).hasSize(1);
  }

  @Test
  void aGenericWebhookGetsAlertmanagerJsonSignedWithTheChannelSecret() throws Exception {
    String path = "/hooks/signed-" + project;
    long channel = fixture.channel(project, "webhook", new JsonObject().put("url", capture.url(path)).put("secret", "s3cret-value"), "");
    enqueue(channel);

    CapturedRequest request = capture.awaitRequests(path, 1, WAIT).get(0);
    var body = json.readTree(request.body());
    assertThat(body.get("version").asText()).isEqualTo("4");
    assertThat(body.get("status").asText()).isEqualTo("firing");
    assertThat(body.get("alerts").get(0).get("labels").get("alertname").asText()).isEqualTo("HighErrorRate");
    String signature = request.header(WebhookSignature.HEADER);
    assertThat(signature).isNotNull();
    assertThat(WebhookSignature.verify("s3cret-value", signature, request.body(), Instant.now(), Duration.ofMinutes(5))).isTrue();
    assertThat(WebhookSignature.verify("other-secret", signature, request.body(), Instant.now(), Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void emailReachesTheSmtpServer() throws Exception {
    long channel = fixture.channel(project, "email", new JsonObject().put("to", new JsonArray().add("oncall@example.com")), "");
    long delivery = enqueue(channel);

    assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).contains("FIRING").contains("HighErrorRate");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("oncall@example.com");
    assertThat(awaitFinal(delivery).getString("status")).isEqualTo("sent");
  }

  private long enqueue(long channel) throws Exception {
    NotifiableAlert alert = new NotifiableAlert(
        42L, Map.of("alertname", "HighErrorRate", "severity", "critical", "job", "api"),
        Map.of("summary", "5% of requests fail"), AlertState.FIRING, Instant.now().minusSeconds(60), null,
        "http://vigil.test/projects/" + project + "/alerts");
    Notification n = new Notification("{}:{alertname=\"HighErrorRate\"}", Map.of("alertname", "HighErrorRate"), List.of(alert), "shop", "http://vigil.test");
    return AlertingFixture.await(() -> outbox.enqueue(channel, project, n.groupKey(), "alert", 1, 0, writeJson(n)));
  }

  private String writeJson(Notification n) {
    try {
      return json.writeValueAsString(n);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Row awaitFinal(long delivery) throws InterruptedException {
    eventually(WAIT, "delivery " + delivery + " sent or failed",
        () -> !fixture.rows("SELECT status FROM notification_deliveries WHERE id = $1", delivery).get(0).getString(0).equals("pending"));
    return fixture.rows("SELECT * FROM notification_deliveries WHERE id = $1", delivery).get(0);
  }
}
