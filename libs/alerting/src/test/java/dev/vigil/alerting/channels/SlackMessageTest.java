package dev.vigil.alerting.channels;

import static dev.vigil.alerting.channels.TestAlerts.firing;
import static dev.vigil.alerting.channels.TestAlerts.highErrorRate;
import static dev.vigil.alerting.channels.TestAlerts.map;
import static dev.vigil.alerting.channels.TestAlerts.notification;
import static dev.vigil.alerting.channels.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.routing.NotifiableAlert;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

  @Test
  void postsAHeaderAContextLineAndASectionPerAlertWithAFallbackText() throws Exception {
    JsonNode message = render(notification(List.of(highErrorRate(1, "critical")), "alertname", "HighErrorRate"));

    assertThat(message.path("text").asText())
        .isEqualTo("[FIRING:1] HighErrorRate (pod-1 api critical): Error rate above 5% on pod-1");
    assertThat(message.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(message.at("/blocks/0/text/type").asText()).isEqualTo("plain_text");
    assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("🔴 [FIRING:1] HighErrorRate (pod-1 api critical)");
    assertThat(message.at("/blocks/1/elements/0/text").asText())
        .isEqualTo("*Checkout* · 1 firing · <https://vigil.example.com|Open Vigil>");
    assertThat(message.at("/blocks/2/text/type").asText()).isEqualTo("mrkdwn");
    assertThat(message.at("/blocks/2/text/text").asText()).isEqualTo(
        "🔴 *<https://vigil.example.com/projects/checkout/alerting/alerts/1|[FIRING] HighErrorRate>*\n"
            + "Error rate above 5% on pod-1\n\n5xx responses are 7.3% of all.");
    assertThat(message.at("/blocks/3/elements/0/text").asText()).isEqualTo(
        "`instance=pod-1` `service=api` `severity=critical` runbook_url: https://runbooks.example.com/high-error-rate"
            + " · started <!date^1714557600^{date_short_pretty} {time}|2024-05-01T10:00:00Z>");
    assertThat(message.path("blocks")).hasSize(4);
  }

  @Test
  void marksSeverityAndResolutionWithEmoji() throws Exception {
    NotifiableAlert info = highErrorRate(1, "info");
    NotifiableAlert warning = highErrorRate(2, "warning");
    NotifiableAlert plain = firing(3, map("alertname", "Up"), map());
    NotifiableAlert fixed = resolved(4, map("alertname", "Up", "severity", "critical"), map());

    JsonNode message = render(notification(List.of(info, warning, plain, fixed)));

    assertThat(message.at("/blocks/0/text/text").asText()).startsWith("🟠 [FIRING:3]");
    assertThat(message.at("/blocks/2/text/text").asText()).startsWith("🟠 ");
    assertThat(message.at("/blocks/4/text/text").asText()).startsWith("🔵 ");
    assertThat(message.at("/blocks/6/text/text").asText()).startsWith("⚪ ");
    assertThat(message.at("/blocks/8/text/text").asText()).startsWith("✅ ");
    assertThat(message.at("/blocks/9/elements/0/text").asText()).contains("resolved <!date^1714558020^");
    JsonNode allResolved = render(notification(List.of(fixed)));
    assertThat(allResolved.at("/blocks/0/text/text").asText()).isEqualTo("✅ [RESOLVED] Up (critical)");
  }

  @Test
  void showsTwentyThreeOfFortyAlertsWithinFiftyBlocks() throws Exception {
    List<NotifiableAlert> alerts = IntStream.range(0, 40).mapToObj(i -> highErrorRate(i, "critical")).toList();

    JsonNode message = render(notification(alerts, "alertname", "HighErrorRate"));

    JsonNode blocks = message.path("blocks");
    assertThat(blocks).hasSize(49);
    assertThat(blocks.get(48).at("/elements/0/text").asText())
        .isEqualTo("…and 17 more alerts — <https://vigil.example.com|open Vigil>");
  }

  @Test
  void usesEveryBlockWhenTwentyFourAlertsFitExactly() throws Exception {
    List<NotifiableAlert> alerts = IntStream.range(0, 24).mapToObj(i -> highErrorRate(i, "critical")).toList();

    JsonNode blocks = render(notification(alerts)).path("blocks");

    assertThat(blocks).hasSize(50);
    assertThat(blocks.get(49).at("/elements/0/text").asText()).startsWith("`instance=pod-23`");
  }

  @Test
  void cutsTheHeaderAndSectionsToTheirLimits() throws Exception {
    NotifiableAlert a = firing(1, map("alertname", "Q".repeat(400)),
        map("summary", "s".repeat(2000), "description", "d".repeat(9000)));

    JsonNode message = render(notification(List.of(a), "alertname", "Q".repeat(400)));

    assertThat(message.at("/blocks/0/text/text").asText()).hasSize(150).endsWith("Q…");
    String section = message.at("/blocks/2/text/text").asText();
    assertThat(section).hasSize(3000).endsWith("d…");
    assertThat(message.path("text").asText()).hasSizeLessThanOrEqualTo(3000);
  }

  @Test
  void escapesUserTextSoItCannotMentionOrLink() throws Exception {
    NotifiableAlert a = firing(1, map("alertname", "A", "team", "<!here>"),
        map("summary", "<!channel> & <https://evil.example|click>"));

    JsonNode message = render(notification(List.of(a)));

    // Slack parses mentions and links in mrkdwn (sections, contexts, the fallback text), not in plain_text.
    List<String> mrkdwn = List.of(message.path("text").asText(), message.at("/blocks/1/elements/0/text").asText(),
        message.at("/blocks/2/text/text").asText(), message.at("/blocks/3/elements/0/text").asText());
    assertThat(mrkdwn).noneMatch(t -> t.contains("<!channel>") || t.contains("<!here>") || t.contains("<https://evil"));
    assertThat(message.path("text").asText()).contains("(&lt;!here&gt;)");
    assertThat(message.at("/blocks/2/text/text").asText())
        .endsWith("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;");
    assertThat(message.at("/blocks/3/elements/0/text").asText()).startsWith("`team=&lt;!here&gt;`");
  }

  @Test
  void neverCutsAnEscapedCharacterInHalf() throws Exception {
    // Five prefix lengths put the 3000-character cut at each position inside "&amp;".
    for (int shift = 0; shift < 5; shift++) {
      NotifiableAlert a = firing(1, map("alertname", "A"),
          map("description", "x".repeat(2800 + shift) + "&".repeat(100)));

      String section = render(notification(List.of(a))).at("/blocks/2/text/text").asText();

      assertThat(section).hasSizeLessThanOrEqualTo(3000).endsWith("&amp;…");
    }
  }

  private static JsonNode render(Notification n) throws Exception {
    JsonNode message = new ObjectMapper().readTree(SlackMessage.render(n));
    JsonNode blocks = message.path("blocks");
    assertThat(blocks.size()).isBetween(1, 50);
    for (JsonNode block : blocks) {
      switch (block.path("type").asText()) {
        case "header" -> assertThat(block.at("/text/text").asText().length()).isBetween(1, 150);
        case "section" -> assertThat(block.at("/text/text").asText().length()).isBetween(1, 3000);
        case "context" -> {
          assertThat(block.path("elements").size()).isBetween(1, 10);
          block.path("elements").forEach(e -> assertThat(e.path("text").asText().length()).isBetween(1, 3000));
        }
        default -> throw new AssertionError("unexpected block " + block);
      }
    }
    return message;
  }
}
