package dev.vigil.query.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.rest.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A channel type's settings: discord and slack {@code {url}} (their webhook hosts only, unless any URL is
 * allowed for tests), webhook {@code {url, secret?}} (any http(s) URL; the secret signs each request),
 * email {@code {to: [...]}}. Webhook URLs hold their own credential, so answers show them masked.
 */
final class ChannelSettings {

  /** What a masked URL holds in place of its path: a URL sent back with it means "keep the stored one". */
  static final String ELLIPSIS = "…";

  private static final Set<String> DISCORD_HOSTS = Set.of("discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");
  private static final int MAX_URL = 2000;
  private static final int MAX_SECRET = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean allowAnyUrl;

  ChannelSettings(boolean allowAnyUrl) {
    this.allowAnyUrl = allowAnyUrl;
  }

  /** The settings to store, from those given and those stored for the same type. */
  ObjectNode check(String type, ObjectNode given, ObjectNode stored) {
    ObjectNode out = JSON.createObjectNode();
    switch (type) {
      case "email" -> out.set("to", recipients(given.get("to")));
      case "webhook" -> {
        out.put("url", url(type, given, stored));
        String secret = secret(given, stored);
        if (secret != null) {
          out.put("secret", secret);
        }
      }
      default -> out.put("url", url(type, given, stored));
    }
    return out;
  }

  /** The settings as answered: the URL masked; a webhook's secret is never returned, only whether there is one. */
  static ObjectNode masked(String type, ObjectNode stored) {
    ObjectNode out = stored.deepCopy();
    if (stored.hasNonNull("url")) {
      out.put("url", mask(stored.get("url").asText()));
    }
    if (type.equals("webhook")) {
      out.remove("secret");
      out.put("hasSecret", stored.hasNonNull("secret"));
    }
    return out;
  }

  /** Scheme and host, then "/…" and the last 4 characters: enough to tell webhooks apart, not to use one. */
  static String mask(String url) {
    try {
      URI u = new URI(url);
      String tail = url.length() > 4 ? url.substring(url.length() - 4) : "";
      return u.getScheme() + "://" + u.getRawAuthority() + "/" + ELLIPSIS + tail;
    } catch (URISyntaxException e) {
      return ELLIPSIS;
    }
  }

  private String url(String type, ObjectNode given, ObjectNode stored) {
    JsonNode n = given.get("url");
    String url = n == null || n.isNull() ? "" : n.asText().strip();
    if ((url.isEmpty() || url.contains(ELLIPSIS)) && stored.hasNonNull("url")) {
      return stored.get("url").asText();
    }
    if (url.isEmpty()) {
      throw ApiException.badRequest("settings.url is required for a " + type + " channel");
    }
    URI u = parse(url);
    boolean http = "https".equals(u.getScheme()) || "http".equals(u.getScheme());
    if (!http || u.getHost() == null) {
      throw ApiException.badRequest("settings.url must be an http(s) URL");
    }
    if (allowAnyUrl || type.equals("webhook")) {
      return url;
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    boolean ok =
        "https".equals(u.getScheme())
            && (type.equals("discord")
                ? DISCORD_HOSTS.contains(host) && u.getRawPath().startsWith("/api/webhooks/")
                : host.equals("hooks.slack.com"));
    if (!ok) {
      throw ApiException.badRequest(
          type.equals("discord")
              ? "settings.url must be a Discord webhook URL (https://discord.com/api/webhooks/...)"
              : "settings.url must be a Slack incoming webhook URL (https://hooks.slack.com/...)");
    }
    return url;
  }

  /** Absent or empty keeps the stored secret, null removes it. */
  private static String secret(ObjectNode given, ObjectNode stored) {
    JsonNode n = given.get("secret");
    String kept = stored.hasNonNull("secret") ? stored.get("secret").asText() : null;
    if (n == null || n.isTextual() && n.asText().isEmpty()) {
      return kept;
    }
    if (n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().length() > MAX_SECRET) {
      throw ApiException.badRequest("settings.secret must be a string of at most " + MAX_SECRET + " characters");
    }
    return n.asText();
  }

  private static ArrayNode recipients(JsonNode to) {
    if (to == null || !to.isArray() || to.isEmpty() || to.size() > 50) {
      throw ApiException.badRequest("settings.to must list 1 to 50 email addresses");
    }
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode a : to) {
      String address = a.isTextual() ? a.asText().strip() : "";
      if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
        throw ApiException.badRequest("settings.to: \"" + a.asText() + "\" is not an email address");
      }
      out.add(address);
    }
    return out;
  }

  private static URI parse(String url) {
    if (url.length() > MAX_URL) {
      throw ApiException.badRequest("settings.url must be at most " + MAX_URL + " characters");
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("settings.url is not a URL: " + e.getMessage());
    }
  }
}
