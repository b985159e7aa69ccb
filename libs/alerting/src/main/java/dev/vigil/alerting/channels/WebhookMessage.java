package dev.vigil.alerting.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.routing.NotifiableAlert;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The body of a generic webhook: Alertmanager's webhook payload, version 4, so receivers written for
 * Alertmanager (PagerDuty bridges, chat bots, ticketing hooks) accept Vigil's notifications as they are.
 */
public final class WebhookMessage {

  /** Alertmanager's {@code endsAt} of an alert with no known end (Go's zero time). */
  static final String NO_END = "0001-01-01T00:00:00Z";

  private WebhookMessage() {}

  /** Every alert, under the receiver name "vigil". */
  public static String render(Notification n) {
    return render(n, "vigil", 0);
  }

  /**
   * @param receiver the channel's name, Alertmanager's {@code receiver}
   * @param maxAlerts at most this many alerts, the rest counted in {@code truncatedAlerts}; 0 = all
   */
  public static String render(Notification n, String receiver, int maxAlerts) {
    List<NotifiableAlert> alerts = n.alerts();
    int shown = maxAlerts > 0 ? Math.min(maxAlerts, alerts.size()) : alerts.size();

    ObjectNode body = Json.object();
    body.put("version", "4");
    body.put("groupKey", n.groupKey());
    body.put("truncatedAlerts", alerts.size() - shown);
    body.put("status", n.status());
    body.put("receiver", receiver == null ? "" : receiver);
    body.set("groupLabels", Json.strings(n.groupLabels()));
    body.set("commonLabels", Json.strings(n.commonLabels()));
    body.set("commonAnnotations", Json.strings(n.commonAnnotations()));
    body.put("externalURL", n.externalUrl());
    ArrayNode array = body.putArray("alerts");
    for (NotifiableAlert a : alerts.subList(0, shown)) {
      ObjectNode alert = array.addObject();
      alert.put("status", Notification.statusOf(a));
      alert.set("labels", Json.strings(new TreeMap<>(a.labels())));
      alert.set("annotations", Json.strings(new TreeMap<>(a.annotations())));
      alert.put("startsAt", time(a.startsAt()));
      alert.put("endsAt", time(a.endsAt()));
      String link = AlertPresentation.link(n, a);
      alert.put("generatorURL", link != null ? link : nullToEmpty(a.generatorUrl()));
      alert.put("fingerprint", fingerprint(a.fingerprint()));
    }
    return Json.write(body);
  }

  /** Alertmanager's form: 16 lower-case hex digits. */
  static String fingerprint(long fingerprint) {
    return String.format("%016x", fingerprint);
  }

  private static String time(Instant at) {
    return at == null ? NO_END : at.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
