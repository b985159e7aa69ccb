package dev.vigil.alerting.channels;

import dev.vigil.alerting.routing.NotifiableAlert;
import java.util.List;
import java.util.Map;

/**
 * The HTML body of an email notification: simple inline-styled markup mail clients render alike.
 * Everything that came from labels, annotations or settings goes through {@link #escape}.
 */
final class EmailHtml {

  private EmailHtml() {}

  static String render(Notification n, String title, List<NotifiableAlert> shown, int hidden) {
    StringBuilder out = new StringBuilder(1024);
    out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title></head>\n<body style=\"font-family:sans-serif;color:#1c2024\">\n");
    out.append("<h2 style=\"margin:0 0 4px\">").append(escape(title)).append("</h2>\n");
    if (!n.projectName().isBlank()) {
      out.append("<p style=\"margin:0 0 16px;color:#60646c\">Project ")
          .append(escape(n.projectName()))
          .append("</p>\n");
    }
    for (NotifiableAlert a : shown) {
      alert(out, n, a);
    }
    if (hidden > 0) {
      out.append("<p>").append(escape(AlertPresentation.moreAlerts(hidden))).append("</p>\n");
    }
    String vigil = AlertPresentation.groupLink(n);
    if (vigil != null) {
      out.append("<p><a href=\"").append(escape(vigil)).append("\">Open Vigil</a></p>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  private static void alert(StringBuilder out, Notification n, NotifiableAlert a) {
    boolean firing = Notification.isFiring(a);
    int color = firing ? AlertSeverity.of(a.labels()).color() : AlertSeverity.RESOLVED_COLOR;
    out.append(String.format(
        "<div style=\"border-left:4px solid #%06X;padding:4px 12px;margin:0 0 16px\">%n", color));
    String name = escape(AlertPresentation.alertTitle(n, a));
    String link = AlertPresentation.link(n, a);
    out.append("<h3 style=\"margin:0 0 4px\">")
        .append(link == null ? name : "<a href=\"" + escape(link) + "\">" + name + "</a>")
        .append("</h3>\n");
    String text = AlertPresentation.summaryAndDescription(a);
    if (!text.isEmpty()) {
      out.append("<p style=\"margin:0 0 8px;white-space:pre-wrap\">").append(escape(text)).append("</p>\n");
    }
    out.append("<table style=\"border-collapse:collapse;font-size:13px\">\n");
    for (Map.Entry<String, String> e : AlertPresentation.displayLabels(a).entrySet()) {
      row(out, e.getKey(), e.getValue());
    }
    AlertPresentation.otherAnnotations(a).forEach((k, v) -> row(out, k, v));
    row(out, firing ? "started" : "resolved", EmailText.time(AlertPresentation.since(a)));
    out.append("</table>\n</div>\n");
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append("<tr><td style=\"padding:2px 12px 2px 0;color:#60646c\">")
        .append(escape(name))
        .append("</td><td style=\"padding:2px 0\">")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  /** HTML-escapes text for element content and double- or single-quoted attributes alike. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
