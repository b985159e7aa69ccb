package dev.vigil.alerting.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a channel groups and paces notifications, as an Alertmanager route: alerts with the same
 * values for {@code groupBy} share a notification ({@code ["..."]} groups by every label, an empty
 * list puts all alerts in one group); a new group waits {@code groupWait}, later changes wait for
 * the next {@code groupInterval}, an unchanged firing group is repeated every {@code repeatInterval}.
 */
public record NotificationPolicy(
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    boolean sendResolved) {

  /** The {@code groupBy} entry that stands for every label. */
  public static final String ALL_LABELS = "...";

  public NotificationPolicy {
    groupBy = List.copyOf(groupBy);
    Objects.requireNonNull(groupWait, "groupWait");
    if (groupWait.isNegative()) {
      throw new IllegalArgumentException("groupWait must not be negative");
    }
    if (groupInterval.isNegative() || groupInterval.isZero()) {
      throw new IllegalArgumentException("groupInterval must be positive");
    }
    if (repeatInterval.isNegative() || repeatInterval.isZero()) {
      throw new IllegalArgumentException("repeatInterval must be positive");
    }
  }

  public boolean groupsByAllLabels() {
    return groupBy.contains(ALL_LABELS);
  }

  /** The labels that identify the group of an alert with these labels (absent ones left out). */
  public SortedMap<String, String> groupLabels(Map<String, String> alertLabels) {
    if (groupsByAllLabels()) {
      return new TreeMap<>(alertLabels);
    }
    SortedMap<String, String> labels = new TreeMap<>();
    for (String name : groupBy) {
      String value = alertLabels.get(name);
      if (value != null) {
        labels.put(name, value);
      }
    }
    return labels;
  }

  /** The stable key of the group of an alert with these labels, e.g. {@code {alertname="X"}}. */
  public String groupKey(Map<String, String> alertLabels) {
    return keyOf(groupLabels(alertLabels));
  }

  /** The group key for a group's labels: sorted, quoted as Prometheus prints a label set. */
  public static String keyOf(Map<String, String> groupLabels) {
    return LabelText.labelSet(new TreeMap<>(groupLabels));
  }
}
