package dev.vigil.alerting.channels;

import dev.vigil.alerting.routing.NotifiableAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** What every channel says about a notification: titles, links, the order and text of alerts. */
final class AlertPresentation {

  static final String ALERTNAME = "alertname";

  private static final Comparator<NotifiableAlert> DISPLAY_ORDER =
      Comparator.comparing((NotifiableAlert a) -> Notification.isFiring(a) ? 0 : 1)
          .thenComparing(a -> AlertSeverity.of(a.labels()).ordinal())
          .thenComparing(a -> a.startsAt() == null ? Instant.MAX : a.startsAt())
          .thenComparingLong(NotifiableAlert::fingerprint);

  private AlertPresentation() {}

  /**
   * Alertmanager's default title: "[FIRING:3] HighErrorRate (api)" — the group's label values
   * (alertname first), then in parentheses the values every alert shares beyond those.
   */
  static String title(Notification n) {
    String status =
        Notification.FIRING.equals(n.status())
            ? "[FIRING:" + n.firingAlerts().size() + "]"
            : "[RESOLVED]";
    SortedMap<String, String> extra = new TreeMap<>(n.commonLabels());
    n.groupLabels().keySet().forEach(extra::remove);
    List<String> head = new ArrayList<>();
    if (n.groupLabels().containsKey(ALERTNAME)) {
      head.add(n.groupLabels().get(ALERTNAME));
    }
    n.groupLabels().forEach((k, v) -> {
      if (!k.equals(ALERTNAME) && !v.isEmpty()) {
        head.add(v);
      }
    });
    if (head.isEmpty()) {
      String shared = extra.remove(ALERTNAME);
      head.add(shared != null ? shared : String.join(", ", alertNames(n)));
    }
    extra.values().removeIf(String::isEmpty);
    String title = status + " " + String.join(" ", head);
    return extra.isEmpty() ? title : title + " (" + String.join(" ", extra.values()) + ")";
  }

  /** "[FIRING] HighErrorRate (pod-1)": one alert, with the label values that set it apart. */
  static String alertTitle(Notification n, NotifiableAlert a) {
    String status = Notification.isFiring(a) ? "[FIRING] " : "[RESOLVED] ";
    SortedMap<String, String> distinct = displayLabels(a);
    n.commonLabels().keySet().forEach(distinct::remove);
    String title = status + alertName(a);
    return distinct.isEmpty() ? title : title + " (" + String.join(" ", distinct.values()) + ")";
  }

  static String alertName(NotifiableAlert a) {
    String name = a.labels().get(ALERTNAME);
    return Text.isBlank(name) ? "alert" : name;
  }

  /** The alert's page: generatorUrl if absolute, else externalUrl + that path; null when no http(s) URL. */
  static String link(Notification n, NotifiableAlert a) {
    String generator = a.generatorUrl() == null ? "" : a.generatorUrl().strip();
    String candidate;
    if (generator.isEmpty()) {
      candidate = n.externalUrl();
    } else if (Text.isHttpUrl(generator)) {
      candidate = generator;
    } else if (!n.externalUrl().isEmpty()) {
      String base = n.externalUrl().replaceAll("/+$", "");
      candidate = base + (generator.startsWith("/") ? generator : "/" + generator);
    } else {
      candidate = null;
    }
    return Text.isHttpUrl(candidate) ? candidate : null;
  }

  /** The UI itself, when it has an http(s) address. */
  static String groupLink(Notification n) {
    return Text.isHttpUrl(n.externalUrl()) ? n.externalUrl() : null;
  }

  /** Summary and description annotations, a blank line apart; empty when neither is set. */
  static String summaryAndDescription(NotifiableAlert a) {
    List<String> parts = new ArrayList<>();
    for (String key : List.of("summary", "description")) {
      String v = a.annotations().get(key);
      if (!Text.isBlank(v)) {
        parts.add(v.strip());
      }
    }
    return String.join("\n\n", parts);
  }

  /** Labels worth showing: all but alertname and empty ones (which Prometheus treats as absent). */
  static SortedMap<String, String> displayLabels(NotifiableAlert a) {
    SortedMap<String, String> labels = new TreeMap<>(a.labels());
    labels.remove(ALERTNAME);
    labels.values().removeIf(String::isEmpty);
    return labels;
  }

  /** Annotations other than summary and description (runbook_url, dashboard, ...), sorted. */
  static Map<String, String> otherAnnotations(NotifiableAlert a) {
    Map<String, String> out = new LinkedHashMap<>(new TreeMap<>(a.annotations()));
    out.remove("summary");
    out.remove("description");
    out.values().removeIf(Text::isBlank);
    return out;
  }

  /** Firing before resolved, most severe first, then oldest first; stable for equal alerts. */
  static List<NotifiableAlert> displayOrder(Notification n) {
    return n.alerts().stream().sorted(DISPLAY_ORDER).toList();
  }

  /** The severity a whole group is shown with: its most severe firing alert's. */
  static AlertSeverity groupSeverity(Notification n) {
    return n.firingAlerts().stream()
        .map(a -> AlertSeverity.of(a.labels()))
        .min(Comparator.naturalOrder())
        .orElse(AlertSeverity.NONE);
  }

  /** When the alert's state began: startsAt while firing, endsAt once resolved. */
  static Instant since(NotifiableAlert a) {
    return Notification.isFiring(a) || a.endsAt() == null ? a.startsAt() : a.endsAt();
  }

  static String moreAlerts(int hidden) {
    return "…and " + hidden + " more alert" + (hidden == 1 ? "" : "s");
  }

  private static List<String> alertNames(Notification n) {
    TreeSet<String> names = new TreeSet<>();
    n.alerts().forEach(a -> names.add(alertName(a)));
    return new ArrayList<>(names);
  }
}
