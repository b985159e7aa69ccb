package dev.vigil.alerting.channels;

import dev.vigil.alerting.routing.NotifiableAlert;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One notification for one channel: the alerts of a routing group at the moment the group is
 * flushed, with what a message needs to name the project and link back to the UI.
 *
 * @param groupKey the dispatcher's key of the group (Alertmanager's {@code groupKey})
 * @param groupLabels the labels the group was formed by
 * @param alerts firing and resolved alerts of the group, in the order they should be shown
 * @param projectName the project's display name, may be empty
 * @param externalUrl the UI's base URL (for example {@code https://vigil.example.com}), may be empty
 */
public record Notification(
    String groupKey,
    Map<String, String> groupLabels,
    List<NotifiableAlert> alerts,
    String projectName,
    String externalUrl) {

  /** Alertmanager's status of a group (or alert) with at least one firing alert. */
  public static final String FIRING = "firing";

  /** Alertmanager's status of a group (or alert) whose alerts have all resolved. */
  public static final String RESOLVED = "resolved";

  public Notification {
    groupKey = groupKey == null ? "" : groupKey;
    groupLabels = sortedCopy(groupLabels);
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
    projectName = projectName == null ? "" : projectName;
    externalUrl = externalUrl == null ? "" : externalUrl.strip();
  }

  /** {@link #FIRING} when any alert is firing, else {@link #RESOLVED}. */
  public String status() {
    return alerts.stream().anyMatch(Notification::isFiring) ? FIRING : RESOLVED;
  }

  /** The alerts still firing. */
  public List<NotifiableAlert> firingAlerts() {
    return alerts.stream().filter(Notification::isFiring).toList();
  }

  /** The alerts that resolved. */
  public List<NotifiableAlert> resolvedAlerts() {
    return alerts.stream().filter(a -> !isFiring(a)).toList();
  }

  /** The label pairs every alert of the notification has (Alertmanager's {@code commonLabels}). */
  public SortedMap<String, String> commonLabels() {
    return common(alerts.stream().map(NotifiableAlert::labels).toList());
  }

  /** The annotation pairs every alert has (Alertmanager's {@code commonAnnotations}). */
  public SortedMap<String, String> commonAnnotations() {
    return common(alerts.stream().map(NotifiableAlert::annotations).toList());
  }

  /** Whether an alert counts as firing; anything else handed to a channel has resolved. */
  public static boolean isFiring(NotifiableAlert alert) {
    return alert.firing();
  }

  /** Alertmanager's status word of one alert. */
  public static String statusOf(NotifiableAlert alert) {
    return isFiring(alert) ? FIRING : RESOLVED;
  }

  private static SortedMap<String, String> common(List<Map<String, String>> maps) {
    if (maps.isEmpty()) {
      return Collections.emptySortedMap();
    }
    TreeMap<String, String> shared = new TreeMap<>(nullToEmpty(maps.get(0)));
    for (Map<String, String> m : maps.subList(1, maps.size())) {
      Map<String, String> other = nullToEmpty(m);
      shared.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
    }
    return Collections.unmodifiableSortedMap(shared);
  }

  private static Map<String, String> nullToEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  private static Map<String, String> sortedCopy(Map<String, String> m) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(nullToEmpty(m)));
  }
}
