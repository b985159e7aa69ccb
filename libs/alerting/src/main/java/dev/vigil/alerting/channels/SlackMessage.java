package dev.vigil.alerting.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.routing.NotifiableAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of a Slack incoming-webhook request: Block Kit blocks (a header, a context line, then a
 * section and a context per alert) and the {@code text} Slack shows in notifications. Blocks cannot
 * be coloured, so each alert carries an emoji for its severity or ✅ once resolved.
 */
public final class SlackMessage {

  public static final int BLOCKS_MAX = 50;
  public static final int HEADER_MAX = 150;
  public static final int SECTION_TEXT_MAX = 3000;
  /** Slack's limit on any text object, which context elements and the fallback text keep to. */
  public static final int TEXT_MAX = 3000;

  /** Blocks around the alerts: header, context line, and the "and N more" line. */
  private static final int FIXED_BLOCKS = 3;

  private SlackMessage() {}

  /** The incoming-webhook JSON for {@code n}. */
  public static String render(Notification n) {
    List<NotifiableAlert> alerts = AlertPresentation.displayOrder(n);
    int shown = alerts.size() * 2 + FIXED_BLOCKS - 1 <= BLOCKS_MAX
        ? alerts.size()
        : (BLOCKS_MAX - FIXED_BLOCKS) / 2;
    String title = AlertPresentation.title(n);

    ObjectNode body = Json.object();
    body.put("text", fallbackText(n, title));
    ArrayNode blocks = body.putArray("blocks");
    String emoji = Notification.FIRING.equals(n.status())
        ? AlertPresentation.groupSeverity(n).emoji()
        : AlertSeverity.RESOLVED_EMOJI;
    blocks.addObject().put("type", "header").set("text", plainText(emoji + " " + title, HEADER_MAX));
    blocks.add(context(groupContext(n)));
    for (NotifiableAlert alert : alerts.subList(0, shown)) {
      blocks.add(section(alertSection(n, alert)));
      blocks.add(context(alertContext(alert)));
    }
    if (shown < alerts.size()) {
      String more = SlackText.escape(AlertPresentation.moreAlerts(alerts.size() - shown));
      String link = AlertPresentation.groupLink(n);
      blocks.add(context(link == null ? more : more + " — " + SlackText.link(link, "open Vigil")));
    }
    return Json.write(body);
  }

  /** What a phone notification shows: the title, and the summary when there is one alert. */
  private static String fallbackText(Notification n, String title) {
    String text = title;
    if (n.alerts().size() == 1) {
      String summary = n.alerts().get(0).annotations().get("summary");
      if (!Text.isBlank(summary)) {
        text += ": " + summary.strip();
      }
    }
    return SlackText.escaped(text, TEXT_MAX);
  }

  private static String groupContext(Notification n) {
    List<String> parts = new ArrayList<>();
    if (!n.projectName().isBlank()) {
      parts.add("*" + SlackText.escaped(n.projectName(), 200) + "*");
    }
    parts.add(n.firingAlerts().size() + " firing");
    if (!n.resolvedAlerts().isEmpty()) {
      parts.add(n.resolvedAlerts().size() + " resolved");
    }
    String link = AlertPresentation.groupLink(n);
    if (link != null) {
      parts.add(SlackText.link(link, "Open Vigil"));
    }
    return String.join(" · ", parts);
  }

  /** "🔴 *[FIRING] HighErrorRate (pod-1)*" linked to the alert, then summary and description. */
  private static String alertSection(Notification n, NotifiableAlert a) {
    String emoji = Notification.isFiring(a)
        ? AlertSeverity.of(a.labels()).emoji()
        : AlertSeverity.RESOLVED_EMOJI;
    String name = SlackText.escaped(AlertPresentation.alertTitle(n, a), 300).replace("*", "");
    String url = AlertPresentation.link(n, a);
    // A pathological URL must not crowd the alert's text out of the section.
    String headline = emoji + " *" + SlackText.link(url != null && url.length() <= 1000 ? url : null, name) + "*";
    String body = AlertPresentation.summaryAndDescription(a);
    if (body.isEmpty()) {
      return headline;
    }
    return headline + "\n" + SlackText.escaped(body, SECTION_TEXT_MAX - headline.length() - 1);
  }

  /** Labels as code spans, other annotations, and when the alert started or resolved. */
  private static String alertContext(NotifiableAlert a) {
    List<String> parts = new ArrayList<>();
    AlertPresentation.displayLabels(a).forEach((k, v) -> parts.add(SlackText.code(k, v)));
    for (Map.Entry<String, String> e : AlertPresentation.otherAnnotations(a).entrySet()) {
      parts.add(SlackText.escape(e.getKey()) + ": " + SlackText.escape(e.getValue()));
    }
    String when = SlackText.date(AlertPresentation.since(a));
    String what = Notification.isFiring(a) ? "started " : "resolved ";
    String suffix = when.isEmpty() ? "" : what + when;
    String labels = SlackText.truncateMrkdwn(String.join(" ", parts), TEXT_MAX - suffix.length() - 3);
    if (labels.isEmpty()) {
      return suffix.isEmpty() ? "—" : suffix;
    }
    return suffix.isEmpty() ? labels : labels + " · " + suffix;
  }

  private static ObjectNode plainText(String text, int max) {
    return Json.object().put("type", "plain_text").put("text", Text.truncate(text, max)).put("emoji", true);
  }

  private static ObjectNode section(String mrkdwn) {
    ObjectNode block = Json.object().put("type", "section");
    block.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    return block;
  }

  private static ObjectNode context(String mrkdwn) {
    ObjectNode block = Json.object().put("type", "context");
    block.putArray("elements").addObject().put("type", "mrkdwn").put("text", mrkdwn);
    return block;
  }
}
