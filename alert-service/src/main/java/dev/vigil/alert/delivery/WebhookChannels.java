package dev.vigil.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.AlertingConfig;
import dev.vigil.alerting.channels.DiscordMessage;
import dev.vigil.alerting.channels.Notification;
import dev.vigil.alerting.channels.SlackMessage;
import dev.vigil.alerting.channels.WebhookMessage;
import dev.vigil.alerting.channels.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts a notification to a Discord, Slack or generic webhook: renders the channel's message, sends it
 * with the JDK's HTTP client (blocking; called on a worker thread), and reads the answer as Discord and
 * Slack mean it, including how long a 429 asks us to wait.
 */
@ApplicationScoped
class WebhookChannels {

  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  WebhookChannels(AlertingConfig config) {
    this.timeout = config.delivery().httpTimeout();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.clock = Clock.systemUTC();
  }

  SendOutcome send(String type, JsonNode settings, Notification notification) {
    String url = text(settings, "url");
    if (url == null) {
      return SendOutcome.permanent(null, "the channel has no webhook URL");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json")
        .header("User-Agent", "Vigil-Alerting");
    String body;
    switch (type) {
      case "discord" -> body = DiscordMessage.render(notification);
      case "slack" -> body = SlackMessage.render(notification);
      case "webhook" -> {
        body = WebhookMessage.render(notification);
        String secret = text(settings, "secret");
        if (secret != null) {
          request.header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant().getEpochSecond(), body));
        }
      }
      default -> {
        return SendOutcome.permanent(null, "unknown channel type " + type);
      }
    }
    return post(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private SendOutcome post(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return SendOutcome.ofHttp(
          response.statusCode(), RetryAfter.of(response.headers(), response.body(), clock.instant()), response.body());
    } catch (HttpTimeoutException e) {
      return SendOutcome.retryable(null, "timed out after " + timeout.toSeconds() + "s");
    } catch (IOException e) {
      return SendOutcome.retryable(null, "could not reach the webhook: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendOutcome.retryable(null, "interrupted");
    }
  }

  private static String text(JsonNode settings, String field) {
    JsonNode v = settings.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
