package dev.vigil.alerting.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Discord's documented execute-webhook limits, checked on a rendered message. */
final class DiscordLimits {

  private DiscordLimits() {}

  static JsonNode assertWithin(String json) throws Exception {
    JsonNode message = new ObjectMapper().readTree(json);
    assertThat(message.path("content").asText().length()).as("content").isLessThanOrEqualTo(2000);
    JsonNode embeds = message.path("embeds");
    assertThat(embeds.size()).as("embeds").isBetween(1, 10);
    int total = 0;
    for (JsonNode embed : embeds) {
      total += length(embed, "title", 256) + length(embed, "description", 4096)
          + length(embed.path("footer"), "text", 2048);
      assertThat(embed.path("fields").size()).as("fields").isLessThanOrEqualTo(25);
      for (JsonNode field : embed.path("fields")) {
        assertThat(field.path("name").asText()).as("field name").isNotBlank();
        assertThat(field.path("value").asText()).as("field value").isNotBlank();
        total += length(field, "name", 256) + length(field, "value", 1024);
      }
      assertThat(embed.path("color").asInt()).isBetween(0, 0xFFFFFF);
    }
    assertThat(total).as("text of all embeds").isLessThanOrEqualTo(6000);
    return message;
  }

  private static int length(JsonNode node, String field, int max) {
    String text = node.path(field).asText("");
    assertThat(text.length()).as(field).isLessThanOrEqualTo(max);
    assertThat(splitsASurrogatePair(text)).as(field + " holds half an emoji").isFalse();
    return text.length();
  }

  static boolean splitsASurrogatePair(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
        return true;
      }
      if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }
}
