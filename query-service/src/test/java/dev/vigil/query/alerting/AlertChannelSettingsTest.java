package dev.vigil.query.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.rest.ApiException;
import org.junit.jupiter.api.Test;

/** Channel settings in production: Discord and Slack webhooks only on their own hosts; URLs shown masked. */
class AlertChannelSettingsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ChannelSettings production = new ChannelSettings(false);
  private final ChannelSettings tests = new ChannelSettings(true);

  private static ObjectNode url(String url) {
    return JSON.createObjectNode().put("url", url);
  }

  private ObjectNode check(ChannelSettings settings, String type, String url) {
    return settings.check(type, url(url), JSON.createObjectNode());
  }

  @Test
  void discordAndSlackWebhooksMustBeTheirs() {
    assertThat(check(production, "discord", "https://discord.com/api/webhooks/1/abc").get("url").asText()).isEqualTo("https://discord.com/api/webhooks/1/abc");
    assertThat(check(production, "discord", "https://discordapp.com/api/webhooks/1/abc")).isNotNull();
    assertThat(check(production, "slack", "https://hooks.slack.com/services/T0/B0/x")).isNotNull();

    assertThatThrownBy(() -> check(production, "discord", "https://discord.com.evil.example/api/webhooks/1/abc"))
        .isInstanceOf(ApiException.class).hasMessageContaining("Discord webhook URL");
    assertThatThrownBy(() -> check(production, "discord", "http://discord.com/api/webhooks/1/abc")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> check(production, "discord", "https://discord.com/channels/1")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> check(production, "slack", "https://example.com/services/T0")).hasMessageContaining("Slack");
    // A generic webhook may go anywhere over http(s).
    assertThat(check(production, "webhook", "http://alert-receiver.internal:9095/hook")).isNotNull();
  }

  @Test
  void testsMayPointDiscordAndSlackAtACaptureServer() {
    assertThat(check(tests, "discord", "http://127.0.0.1:43210/discord/ops").get("url").asText()).isEqualTo("http://127.0.0.1:43210/discord/ops");
    assertThatThrownBy(() -> check(tests, "slack", "file:///etc/passwd")).hasMessageContaining("http(s)");
  }

  @Test
  void urlsAreMaskedToSchemeHostAndTheirLastCharacters() {
    assertThat(ChannelSettings.mask("https://discord.com/api/webhooks/1187/secret-k9Zr")).isEqualTo("https://discord.com/…k9Zr");
    assertThat(ChannelSettings.mask("http://127.0.0.1:8123/hook")).isEqualTo("http://127.0.0.1:8123/…hook");
    ObjectNode webhook = JSON.createObjectNode().put("url", "https://example.com/hook/abcd").put("secret", "s3cr3t");
    ObjectNode masked = ChannelSettings.masked("webhook", webhook);
    assertThat(masked.toString()).doesNotContain("s3cr3t").doesNotContain("/hook/");
    assertThat(masked.get("hasSecret").asBoolean()).isTrue();
  }

  @Test
  void aMaskedUrlSentBackKeepsTheStoredOne() {
    ObjectNode stored = url("https://discord.com/api/webhooks/1/secret-abcd");
    ObjectNode kept = production.check("discord", url("https://discord.com/…abcd"), stored);
    assertThat(kept.get("url").asText()).isEqualTo("https://discord.com/api/webhooks/1/secret-abcd");
  }
}
