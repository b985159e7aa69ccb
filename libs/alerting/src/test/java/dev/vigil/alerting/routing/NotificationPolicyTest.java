package dev.vigil.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

  private static final Map<String, String> ALERT =
      Map.of("alertname", "HighLatency", "team", "db", "instance", "a:9100");

  private static NotificationPolicy groupBy(String... labels) {
    return new NotificationPolicy(
        List.of(labels), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), true);
  }

  @Test
  void groupsByTheListedLabelsLeavingOutAbsentOnes() {
    NotificationPolicy policy = groupBy("team", "alertname", "cluster");
    assertThat(policy.groupLabels(ALERT))
        .containsExactly(Map.entry("alertname", "HighLatency"), Map.entry("team", "db"));
    assertThat(policy.groupKey(ALERT)).isEqualTo("{alertname=\"HighLatency\",team=\"db\"}");
  }

  @Test
  void ellipsisGroupsByEveryLabelAndNoLabelsMakeOneGroup() {
    assertThat(groupBy("...").groupKey(ALERT))
        .isEqualTo("{alertname=\"HighLatency\",instance=\"a:9100\",team=\"db\"}");
    assertThat(groupBy().groupKey(ALERT)).isEqualTo("{}");
    assertThat(groupBy().groupKey(Map.of("alertname", "Other"))).isEqualTo("{}");
  }

  @Test
  void keyIsStableWhateverTheOrderOfLabelsAndEscapesValues() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("team", "d\"b");
    reversed.put("alertname", "X");
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("alertname", "X");
    ordered.put("team", "d\"b");
    NotificationPolicy policy = groupBy("team", "alertname");
    assertThat(policy.groupKey(reversed))
        .isEqualTo(policy.groupKey(ordered))
        .isEqualTo("{alertname=\"X\",team=\"d\\\"b\"}");
  }

  @Test
  void intervalsMustBePositive() {
    assertThatThrownBy(
            () -> new NotificationPolicy(List.of(), Duration.ZERO, Duration.ZERO, Duration.ofHours(1), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupInterval must be positive");
    assertThatThrownBy(
            () -> new NotificationPolicy(
                List.of(), Duration.ofSeconds(-1), Duration.ofMinutes(5), Duration.ofHours(1), true))
        .hasMessage("groupWait must not be negative");
  }
}
