package dev.vigil.alerting.channels;

import dev.vigil.alerting.routing.NotifiableAlert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The plain-text body of an email notification. */
final class EmailText {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private EmailText() {}

  static String render(Notification n, String title, List<NotifiableAlert> shown, int hidden) {
    StringBuilder out = new StringBuilder();
    out.append(title).append('\n');
    if (!n.projectName().isBlank()) {
      out.append("Project: ").append(n.projectName()).append('\n');
    }
    out.append('\n');
    for (NotifiableAlert a : shown) {
      out.append(AlertPresentation.alertTitle(n, a)).append('\n');
      String text = AlertPresentation.summaryAndDescription(a);
      if (!text.isEmpty()) {
        out.append(indent(text)).append('\n');
      }
      Map<String, String> labels = AlertPresentation.displayLabels(a);
      if (!labels.isEmpty()) {
        out.append("  Labels: ").append(pairs(labels)).append('\n');
      }
      AlertPresentation.otherAnnotations(a)
          .forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
      out.append(Notification.isFiring(a) ? "  Started: " : "  Resolved: ")
          .append(time(AlertPresentation.since(a)))
          .append('\n');
      String link = AlertPresentation.link(n, a);
      if (link != null) {
        out.append("  Open: ").append(link).append('\n');
      }
      out.append('\n');
    }
    if (hidden > 0) {
      out.append(AlertPresentation.moreAlerts(hidden)).append('\n');
    }
    String vigil = AlertPresentation.groupLink(n);
    if (vigil != null) {
      out.append("Vigil: ").append(vigil).append('\n');
    }
    return out.toString();
  }

  static String time(Instant at) {
    return at == null ? "unknown" : TIME.format(at);
  }

  static String pairs(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String indent(String text) {
    return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
  }
}
