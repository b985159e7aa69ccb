package dev.vigil.testsupport.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Discord's execute-webhook limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * content 2000, 10 embeds, title 256, description 4096, 25 fields, field name 256 and value 1024
 * (both required), footer 2048, author name 256, 6000 characters of embed text in all, a well-formed
 * http(s) URL, and content or embeds present. Messages read like Discord's own 400 answers.
 */
public final class DiscordWebhookRules implements PayloadRules {

  @Override
  public Optional<String> violation(String body) {
    JsonNode message = PayloadRules.jsonObject(body);
    if (message == null) {
      return Optional.of("The request body contains invalid JSON.");
    }
    int content = PayloadRules.length(message.get("content"));
    JsonNode embeds = message.get("embeds");
    Optional<String> problem = firstOf(
        tooLong("content", content, 2000),
        username(message.get("username")),
        embeds != null && !embeds.isNull() && !embeds.isArray()
            ? Optional.of("embeds: Must be an array.") : Optional.empty(),
        embeds != null && embeds.size() > 10
            ? Optional.of("embeds: Must be 10 or fewer in length.") : Optional.empty());
    if (problem.isPresent()) {
      return problem;
    }
    boolean hasEmbeds = embeds != null && embeds.isArray() && embeds.size() > 0;
    if (content == 0 && !hasEmbeds) {
      return Optional.of("Cannot send an empty message");
    }
    int total = 0;
    for (int i = 0; hasEmbeds && i < embeds.size(); i++) {
      problem = embed("embeds." + i, embeds.get(i));
      if (problem.isPresent()) {
        return problem;
      }
      total += textLength(embeds.get(i));
    }
    if (total > 6000) {
      return Optional.of("embeds: Embed size exceeds maximum size of 6000 (" + total + ").");
    }
    return Optional.empty();
  }

  private static Optional<String> embed(String at, JsonNode embed) {
    if (!embed.isObject()) {
      return Optional.of(at + ": Must be an object.");
    }
    JsonNode fields = embed.get("fields");
    Optional<String> problem = firstOf(
        tooLong(at + ".title", PayloadRules.length(embed.get("title")), 256),
        tooLong(at + ".description", PayloadRules.length(embed.get("description")), 4096),
        tooLong(at + ".footer.text", PayloadRules.length(embed.path("footer").get("text")), 2048),
        tooLong(at + ".author.name", PayloadRules.length(embed.path("author").get("name")), 256),
        url(at + ".url", embed.get("url")),
        color(at + ".color", embed.get("color")),
        timestamp(at + ".timestamp", embed.get("timestamp")),
        fields != null && fields.size() > 25
            ? Optional.of(at + ".fields: Must be 25 or fewer in length.") : Optional.empty());
    for (int i = 0; problem.isEmpty() && fields != null && i < fields.size(); i++) {
      String field = at + ".fields." + i;
      problem = firstOf(
          required(field + ".name", fields.get(i).get("name"), 256),
          required(field + ".value", fields.get(i).get("value"), 1024));
    }
    return problem;
  }

  /** What Discord counts towards the 6000 characters an embed message may hold in all. */
  static int textLength(JsonNode embed) {
    int n = Math.max(0, PayloadRules.length(embed.get("title")))
        + Math.max(0, PayloadRules.length(embed.get("description")))
        + Math.max(0, PayloadRules.length(embed.path("footer").get("text")))
        + Math.max(0, PayloadRules.length(embed.path("author").get("name")));
    for (JsonNode field : embed.path("fields")) {
      n += Math.max(0, PayloadRules.length(field.get("name")));
      n += Math.max(0, PayloadRules.length(field.get("value")));
    }
    return n;
  }

  private static Optional<String> tooLong(String at, int length, int max) {
    if (length < 0) {
      return Optional.of(at + ": Must be a string.");
    }
    return length > max ? Optional.of(at + ": Must be " + max + " or fewer in length.") : Optional.empty();
  }

  private static Optional<String> required(String at, JsonNode value, int max) {
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      return Optional.of(at + ": This field is required");
    }
    return tooLong(at, value.asText().length(), max);
  }

  private static Optional<String> username(JsonNode name) {
    if (name == null || name.isNull()) {
      return Optional.empty();
    }
    String s = name.asText();
    if (!name.isTextual() || s.isEmpty() || s.length() > 80) {
      return Optional.of("username: Must be between 1 and 80 in length.");
    }
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.contains("discord") || lower.contains("clyde")
        ? Optional.of("username: Username cannot contain \"discord\" or \"clyde\".")
        : Optional.empty();
  }

  private static Optional<String> url(String at, JsonNode url) {
    if (url == null || url.isNull()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.asText());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      // reported below, as Discord does
    }
    return Optional.of(at + ": Not a well formed URL.");
  }

  private static Optional<String> color(String at, JsonNode color) {
    if (color == null || color.isNull()) {
      return Optional.empty();
    }
    boolean valid = color.canConvertToInt() && color.asInt() >= 0 && color.asInt() <= 0xFFFFFF;
    return valid ? Optional.empty() : Optional.of(at + ": Must be an integer between 0 and 16777215.");
  }

  private static Optional<String> timestamp(String at, JsonNode ts) {
    if (ts == null || ts.isNull()) {
      return Optional.empty();
    }
    try {
      OffsetDateTime.parse(ts.asText());
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(at + ": Could not parse " + ts.asText() + ". Should be ISO8601.");
    }
  }

  @SafeVarargs
  private static Optional<String> firstOf(Optional<String>... checks) {
    for (Optional<String> check : checks) {
      if (check.isPresent()) {
        return check;
      }
    }
    return Optional.empty();
  }
}
