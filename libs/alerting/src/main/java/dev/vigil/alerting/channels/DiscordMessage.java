package dev.vigil.alerting.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.routing.NotifiableAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of a Discord execute-webhook request: a headline in {@code content} and one embed per
 * alert (at most ten), coloured by severity, linking to the alert in Vigil. Every text is cut with
 * "…" to Discord's limits, since Discord answers 400 to a message over any of them.
 */
public final class DiscordMessage {

  public static final int CONTENT_MAX = 2000;
  public static final int EMBEDS_MAX = 10;
  public static final int TITLE_MAX = 256;
  public static final int DESCRIPTION_MAX = 4096;
  public static final int FIELDS_MAX = 25;
  public static final int FIELD_NAME_MAX = 256;
  public static final int FIELD_VALUE_MAX = 1024;
  public static final int FOOTER_MAX = 2048;
  /** Titles, descriptions, field names and values and footers of all embeds together. */
  public static final int EMBED_TEXT_TOTAL_MAX = 6000;

  /** The name the webhook posts as (Discord refuses names containing "discord"). */
  public static final String USERNAME = "Vigil";

  private DiscordMessage() {}

  /** The execute-webhook JSON for {@code n}. */
  public static String render(Notification n) {
    List<NotifiableAlert> alerts = AlertPresentation.displayOrder(n);
    List<DiscordEmbed> embeds = new ArrayList<>();
    for (NotifiableAlert alert : alerts.subList(0, Math.min(EMBEDS_MAX, alerts.size()))) {
      embeds.add(embed(n, alert));
    }
    DiscordEmbed.fitTogether(embeds, EMBED_TEXT_TOTAL_MAX);

    ObjectNode body = Json.object();
    body.put("username", USERNAME);
    body.put("content", content(n, alerts.size() - embeds.size()));
    ArrayNode array = body.putArray("embeds");
    embeds.forEach(e -> array.add(e.toJson()));
    // Annotations are user text: an "@everyone" in a description must not ping a whole server.
    body.putObject("allowed_mentions").putArray("parse");
    return Json.write(body);
  }

  /** The headline, and how many alerts did not get an embed. */
  private static String content(Notification n, int hidden) {
    String headline = "**" + Text.truncate(AlertPresentation.title(n), TITLE_MAX) + "**";
    if (hidden <= 0) {
      return headline;
    }
    String more = AlertPresentation.moreAlerts(hidden);
    String link = AlertPresentation.groupLink(n);
    String line = link == null ? more : more + " — " + link;
    return Text.truncate(headline + "\n" + line, CONTENT_MAX);
  }

  private static DiscordEmbed embed(Notification n, NotifiableAlert a) {
    boolean firing = Notification.isFiring(a);
    int color = firing ? AlertSeverity.of(a.labels()).color() : AlertSeverity.RESOLVED_COLOR;
    String footer = n.projectName().isBlank() ? "Vigil" : "Vigil · " + n.projectName();
    DiscordEmbed embed =
        new DiscordEmbed(
            AlertPresentation.alertTitle(n, a),
            AlertPresentation.link(n, a),
            AlertPresentation.summaryAndDescription(a),
            color,
            footer,
            AlertPresentation.since(a));
    List<DiscordEmbed.Field> fields = new ArrayList<>();
    AlertPresentation.displayLabels(a).forEach((k, v) -> fields.add(new DiscordEmbed.Field(k, v, true)));
    for (Map.Entry<String, String> e : AlertPresentation.otherAnnotations(a).entrySet()) {
      fields.add(new DiscordEmbed.Field(e.getKey(), e.getValue(), false));
    }
    embed.addFields(fields);
    return embed;
  }
}
