package dev.vigil.alerting.channels;

import static dev.vigil.alerting.channels.TestAlerts.firing;
import static dev.vigil.alerting.channels.TestAlerts.highErrorRate;
import static dev.vigil.alerting.channels.TestAlerts.map;
import static dev.vigil.alerting.channels.TestAlerts.notification;
import static dev.vigil.alerting.channels.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.state.AlertState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordMessageTest {

  @Test
  void postsAHeadlineAndOneEmbedPerAlertLinkingToTheAlert() throws Exception {
    Notification n = notification(List.of(highErrorRate(1, "critical"), highErrorRate(2, "critical"),
        highErrorRate(3, "critical")), "alertname", "HighErrorRate");

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(n));

    assertThat(message.path("username").asText()).isEqualTo("Vigil");
    assertThat(message.path("content").asText()).isEqualTo("**[FIRING:3] HighErrorRate (api critical)**");
    assertThat(message.path("embeds")).hasSize(3);
    JsonNode first = message.path("embeds").get(0);
    assertThat(first.path("title").asText()).isEqualTo("[FIRING] HighErrorRate (pod-1)");
    assertThat(first.path("url").asText()).isEqualTo("https://vigil.example.com/projects/checkout/alerting/alerts/1");
    assertThat(first.path("description").asText())
        .isEqualTo("Error rate above 5% on pod-1\n\n5xx responses are 7.3% of all.");
    assertThat(first.path("color").asInt()).isEqualTo(0xE5484D);
    assertThat(first.path("footer").path("text").asText()).isEqualTo("Vigil · Checkout");
    assertThat(first.path("timestamp").asText()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(first.path("fields").toString()).isEqualTo("[{\"name\":\"instance\",\"value\":\"pod-1\",\"inline\":true},"
        + "{\"name\":\"service\",\"value\":\"api\",\"inline\":true},"
        + "{\"name\":\"severity\",\"value\":\"critical\",\"inline\":true},"
        + "{\"name\":\"runbook_url\",\"value\":\"https://runbooks.example.com/high-error-rate\",\"inline\":false}]");
  }

  @ParameterizedTest
  @CsvSource({"critical, 0xE5484D", "error, 0xE5484D", "high, 0xE5484D", "CRITICAL, 0xE5484D",
      "warning, 0xF5A524", "info, 0x3E63DD", "none, 0x8B8D98", "debug, 0x8B8D98"})
  void coloursAFiringAlertBySeverity(String severity, String color) throws Exception {
    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(notification(List.of(highErrorRate(1, severity)))));

    assertThat(message.at("/embeds/0/color").asInt()).isEqualTo(Integer.decode(color));
  }

  @Test
  void coloursAnAlertWithoutSeverityGreyAndAResolvedOneGreen() throws Exception {
    NotifiableAlert plain = firing(1, map("alertname", "Up"), map());
    NotifiableAlert fixed = resolved(2, map("alertname", "Up", "severity", "critical"), map());

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(notification(List.of(plain, fixed))));

    assertThat(message.at("/embeds/0/color").asInt()).isEqualTo(0x8B8D98);
    assertThat(message.at("/embeds/1/color").asInt()).isEqualTo(0x30A46C);
    assertThat(message.at("/embeds/1/title").asText()).isEqualTo("[RESOLVED] Up (critical)");
    assertThat(message.at("/embeds/1/timestamp").asText()).isEqualTo("2024-05-01T10:07:00Z");
  }

  @Test
  void saysResolvedWhenEveryAlertResolved() throws Exception {
    NotifiableAlert a = resolved(1, map("alertname", "HighErrorRate", "service", "api"), map());

    JsonNode message = DiscordLimits.assertWithin(
        DiscordMessage.render(notification(List.of(a), "alertname", "HighErrorRate")));

    assertThat(message.path("content").asText()).isEqualTo("**[RESOLVED] HighErrorRate (api)**");
  }

  @Test
  void showsTenOfFortyAlertsMostSevereFirstAndCountsTheRest() throws Exception {
    List<NotifiableAlert> alerts = new ArrayList<>();
    IntStream.range(0, 38).forEach(i -> alerts.add(highErrorRate(i, "warning")));
    alerts.add(highErrorRate(100, "critical"));
    alerts.add(highErrorRate(101, "critical"));

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(notification(alerts, "alertname", "HighErrorRate")));

    assertThat(message.path("embeds")).hasSize(10);
    assertThat(message.at("/embeds/0/title").asText()).isEqualTo("[FIRING] HighErrorRate (pod-100 critical)");
    assertThat(message.path("content").asText())
        .isEqualTo("**[FIRING:40] HighErrorRate (api)**\n…and 30 more alerts — https://vigil.example.com");
  }

  @Test
  void cutsHugeAnnotationsToTheDescriptionLimit() throws Exception {
    NotifiableAlert a = firing(1, map("alertname", "Huge"), map("summary", "s".repeat(5000), "description", "d".repeat(9000)));

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(notification(List.of(a))));

    String description = message.at("/embeds/0/description").asText();
    assertThat(description).hasSize(4096).startsWith("sss").endsWith("s…");
  }

  @Test
  void sharesTheSixThousandCharactersAmongTenEmbedsKeepingShortTextWhole() throws Exception {
    List<NotifiableAlert> alerts = IntStream.range(0, 10)
        .mapToObj(i -> firing(i, map("alertname", "Backlog", "queue", "q" + i), map("description", "x".repeat(3000))))
        .toList();

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(notification(alerts)));

    for (JsonNode embed : message.path("embeds")) {
      assertThat(embed.path("title").asText()).startsWith("[FIRING] Backlog (q").doesNotEndWith("…");
      assertThat(embed.path("description").asText()).hasSizeGreaterThan(400).endsWith("…");
      assertThat(embed.at("/fields/0/value").asText()).matches("q\\d");
    }
  }

  @Test
  void cutsTitleFieldsAndFooterAtTheirLimits() throws Exception {
    Map<String, String> labels = map("alertname", "A".repeat(300), "a".repeat(300), "big", "b_value", "v".repeat(2000));
    IntStream.range(0, 40).forEach(i -> labels.put("label_" + (10 + i), "x"));
    Notification n = new Notification("k", Map.of(), List.of(firing(1, labels, map())), "P".repeat(3000),
        TestAlerts.EXTERNAL_URL);

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(n));

    JsonNode embed = message.at("/embeds/0");
    assertThat(embed.path("title").asText()).hasSize(256).endsWith("A…");
    assertThat(embed.path("footer").path("text").asText()).hasSize(2048).endsWith("P…");
    JsonNode fields = embed.path("fields");
    assertThat(fields).hasSize(25);
    assertThat(fields.get(24).path("value").asText()).isEqualTo("18 more not shown");
    assertThat(fields.findValuesAsText("name")).anyMatch(name -> name.length() == 256 && name.endsWith("a…"));
    assertThat(fields.findValuesAsText("value")).anyMatch(value -> value.length() == 1024 && value.endsWith("v…"));
  }

  @Test
  void keepsTheHeadlineWithinTheContentLimit() throws Exception {
    Map<String, String> group = map("alertname", "x".repeat(3000), "service", "y".repeat(3000));
    NotifiableAlert a = firing(1, group, map());

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(new Notification("k", group, List.of(a), "", "")));

    assertThat(message.path("content").asText()).hasSizeLessThan(300).endsWith("…**");
  }

  @Test
  void neverCutsAnEmojiInHalf() throws Exception {
    NotifiableAlert a = firing(1, map("alertname", "Emoji"), map("description", "🔥".repeat(3000)));

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(notification(List.of(a))));

    assertThat(message.at("/embeds/0/description").asText()).endsWith("🔥…");
  }

  @Test
  void linksOnlyToHttpUrls() throws Exception {
    NotifiableAlert relative = firing(1, map("alertname", "A"), map());
    NotifiableAlert script = new NotifiableAlert(2, map("alertname", "B"), map(), AlertState.FIRING,
        TestAlerts.STARTED, null, "javascript:alert(1)");
    NotifiableAlert absolute = new NotifiableAlert(3, map("alertname", "C"), map(), AlertState.FIRING,
        TestAlerts.STARTED, null, "https://grafana.example.com/d/x");

    JsonNode noBase = DiscordLimits.assertWithin(DiscordMessage.render(new Notification("k", Map.of(),
        List.of(relative, script, absolute), "", "")));

    assertThat(noBase.at("/embeds/0").has("url")).isFalse();
    assertThat(noBase.at("/embeds/1").has("url")).isFalse();
    assertThat(noBase.at("/embeds/2/url").asText()).isEqualTo("https://grafana.example.com/d/x");
  }

  @Test
  void neverPingsEveryoneFromAnnotationText() throws Exception {
    NotifiableAlert a = firing(1, map("alertname", "A"), map("summary", "@everyone look"));

    JsonNode message = DiscordLimits.assertWithin(DiscordMessage.render(notification(List.of(a))));

    assertThat(message.at("/allowed_mentions/parse").isArray()).isTrue();
    assertThat(message.at("/allowed_mentions/parse")).isEmpty();
  }
}
