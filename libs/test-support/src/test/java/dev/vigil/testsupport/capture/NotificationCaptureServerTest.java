package dev.vigil.testsupport.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationCaptureServerTest {

  private static final String DISCORD = "/discord/123/token";
  private static final String SLACK = "/slack/T0/B0/secret";
  private static final String VALID_DISCORD =
      "{\"username\":\"Vigil\",\"content\":\"hi\",\"embeds\":[{\"title\":\"t\",\"url\":\"https://vigil.test/a\","
          + "\"fields\":[{\"name\":\"n\",\"value\":\"v\"}],\"footer\":{\"text\":\"f\"},"
          + "\"timestamp\":\"2024-05-01T10:00:00Z\",\"color\":15026253}]}";

  private final HttpClient client = HttpClient.newHttpClient();
  private NotificationCaptureServer server;

  @BeforeEach
  void start() {
    server = NotificationCaptureServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void recordsPathHeadersBodyAndTimeOfEveryRequest() throws Exception {
    HttpResponse<String> response = post("/hooks/generic?x=1", "{\"version\":\"4\"}", "X-Vigil-Signature", "t=1,v1=ab");

    assertThat(response.statusCode()).isEqualTo(200);
    CapturedRequest got = server.requests().get(0);
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.path()).isEqualTo("/hooks/generic");
    assertThat(got.query()).isEqualTo("x=1");
    assertThat(got.header("x-vigil-signature")).isEqualTo("t=1,v1=ab");
    assertThat(got.header("Content-Type")).isEqualTo("application/json");
    assertThat(got.body()).isEqualTo("{\"version\":\"4\"}");
    assertThat(got.receivedAt()).isNotNull();
    assertThat(got.rejected()).isFalse();
  }

  @Test
  void answersAValidDiscordMessageWith204() throws Exception {
    assertThat(post(DISCORD, VALID_DISCORD).statusCode()).isEqualTo(204);
    assertThat(server.requests(DISCORD)).singleElement().extracting(CapturedRequest::status).isEqualTo(204);
  }

  @Test
  void refusesADiscordTitleOverItsLimitWithDiscordsReason() throws Exception {
    String body = VALID_DISCORD.replace("\"title\":\"t\"", "\"title\":\"" + "x".repeat(257) + "\"");

    HttpResponse<String> response = post(DISCORD, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("embeds.0.title: Must be 256 or fewer in length.");
    CapturedRequest got = server.requests(DISCORD).get(0);
    assertThat(got.rejected()).isTrue();
    assertThat(got.status()).isEqualTo(400);
  }

  @Test
  void checksEachDiscordLimit() {
    DiscordWebhookRules rules = new DiscordWebhookRules();
    assertThat(rules.violation("{\"content\":\"" + "x".repeat(2001) + "\"}")).contains("content: Must be 2000 or fewer in length.");
    assertThat(rules.violation("{\"content\":\"" + "x".repeat(2000) + "\"}")).isEmpty();
    assertThat(rules.violation("{\"username\":\"Vigil\"}")).contains("Cannot send an empty message");
    assertThat(rules.violation("{\"embeds\":[" + "{\"title\":\"a\"},".repeat(10) + "{\"title\":\"a\"}]}"))
        .contains("embeds: Must be 10 or fewer in length.");
    assertThat(rules.violation(embed("\"description\":\"" + "d".repeat(4097) + "\"")))
        .contains("embeds.0.description: Must be 4096 or fewer in length.");
    assertThat(rules.violation(embed("\"footer\":{\"text\":\"" + "f".repeat(2049) + "\"}")))
        .contains("embeds.0.footer.text: Must be 2048 or fewer in length.");
    assertThat(rules.violation(embed("\"fields\":[" + "{\"name\":\"n\",\"value\":\"v\"},".repeat(25) + "{\"name\":\"n\",\"value\":\"v\"}]")))
        .contains("embeds.0.fields: Must be 25 or fewer in length.");
    assertThat(rules.violation(embed("\"fields\":[{\"name\":\"" + "n".repeat(257) + "\",\"value\":\"v\"}]")))
        .contains("embeds.0.fields.0.name: Must be 256 or fewer in length.");
    assertThat(rules.violation(embed("\"fields\":[{\"name\":\"n\",\"value\":\"" + "v".repeat(1025) + "\"}]")))
        .contains("embeds.0.fields.0.value: Must be 1024 or fewer in length.");
    assertThat(rules.violation(embed("\"fields\":[{\"name\":\"n\",\"value\":\"\"}]")))
        .contains("embeds.0.fields.0.value: This field is required");
    assertThat(rules.violation(embed("\"url\":\"javascript:alert(1)\"")))
        .contains("embeds.0.url: Not a well formed URL.");
    assertThat(rules.violation("not json")).contains("The request body contains invalid JSON.");
    assertThat(rules.violation("{\"content\":\"x\",\"username\":\"My Discord bot\"}")).isPresent();
  }

  @Test
  void countsTheTextOfAllEmbedsTogether() {
    String fourThousand = "{\"description\":\"" + "d".repeat(3000) + "\"}";
    String body = "{\"embeds\":[" + fourThousand + "," + fourThousand + ",{\"title\":\"x\"}]}";

    assertThat(new DiscordWebhookRules().violation(body))
        .contains("embeds: Embed size exceeds maximum size of 6000 (6001).");
    assertThat(new DiscordWebhookRules().violation(body.replace(",{\"title\":\"x\"}", ""))).isEmpty();
  }

  @Test
  void checksSlackBlocks() throws Exception {
    assertThat(post(SLACK, "{\"text\":\"hello\"}").body()).isEqualTo("ok");
    assertThat(post(SLACK, "{}").statusCode()).isEqualTo(400);
    String header = "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "h".repeat(151) + "\"}}";
    HttpResponse<String> tooLongHeader = post(SLACK, "{\"text\":\"t\",\"blocks\":[" + header + "]}");
    assertThat(tooLongHeader.statusCode()).isEqualTo(400);
    assertThat(tooLongHeader.body()).startsWith("invalid_blocks").contains("150");

    SlackWebhookRules rules = new SlackWebhookRules();
    String section = "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"%s\"}}";
    assertThat(rules.violation(blocks(section.formatted("s".repeat(3000)), 1))).isEmpty();
    assertThat(rules.violation(blocks(section.formatted("s".repeat(3001)), 1))).get().asString().contains("3000");
    assertThat(rules.violation(blocks(section.formatted("s"), 50))).isEmpty();
    assertThat(rules.violation(blocks(section.formatted("s"), 51))).get().asString().contains("50 or fewer blocks");
    assertThat(server.requests(SLACK)).extracting(CapturedRequest::rejected).containsExactly(false, true, true);
  }

  @Test
  void playsQueuedAnswersInOrderThenTheDefault() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.respondWith(DISCORD, 429, Map.of("Content-Type", "application/json"), "{\"retry_after\": 0.2, \"global\": false}");
    }
    server.respondWith(SLACK, 429, Map.of("Retry-After", "1"), "rate_limited");

    List<HttpResponse<String>> discord = List.of(post(DISCORD, VALID_DISCORD), post(DISCORD, VALID_DISCORD),
        post(DISCORD, VALID_DISCORD), post(DISCORD, VALID_DISCORD));
    HttpResponse<String> slackLimited = post(SLACK, "{\"text\":\"t\"}");
    HttpResponse<String> slackOk = post(SLACK, "{\"text\":\"t\"}");

    assertThat(discord).extracting(HttpResponse::statusCode).containsExactly(429, 429, 429, 204);
    assertThat(discord.get(0).body()).isEqualTo("{\"retry_after\": 0.2, \"global\": false}");
    assertThat(slackLimited.statusCode()).isEqualTo(429);
    assertThat(slackLimited.headers().firstValue("Retry-After")).contains("1");
    assertThat(slackOk.statusCode()).isEqualTo(200);
    assertThat(server.requests(DISCORD)).extracting(CapturedRequest::status).containsExactly(429, 429, 429, 204);
  }

  @Test
  void aRejectedBodyDoesNotUseUpAQueuedAnswer() throws Exception {
    server.respondWith(DISCORD, 429, Map.of(), "{\"retry_after\": 0.2}");

    assertThat(post(DISCORD, "{}").statusCode()).isEqualTo(400);
    assertThat(post(DISCORD, VALID_DISCORD).statusCode()).isEqualTo(429);
  }

  @Test
  void awaitsRequestsThatArriveLater() throws Exception {
    CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(200);
        post("/hooks/late", "1");
        post("/hooks/late", "2");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    List<CapturedRequest> got = server.awaitRequests("/hooks/late", 2, Duration.ofSeconds(10));

    assertThat(got).extracting(CapturedRequest::body).containsExactly("1", "2");
  }

  @Test
  void failsTheWaitNamingWhatArrived() throws Exception {
    post("/hooks/other", "x");

    assertThatThrownBy(() -> server.awaitRequests("/hooks/missing", 1, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 1 request(s) to /hooks/missing")
        .hasMessageContaining("POST /hooks/other -> 200");
  }

  private static String embed(String fields) {
    return "{\"embeds\":[{\"title\":\"t\"," + fields + "}]}";
  }

  private static String blocks(String block, int count) {
    return "{\"text\":\"t\",\"blocks\":[" + String.join(",", java.util.Collections.nCopies(count, block)) + "]}";
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
