package dev.vigil.alerting.channels;

import static dev.vigil.alerting.channels.TestAlerts.firing;
import static dev.vigil.alerting.channels.TestAlerts.map;
import static dev.vigil.alerting.channels.TestAlerts.notification;
import static dev.vigil.alerting.channels.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTest {

  @Test
  void firesWhileAnyAlertFires() {
    Notification n = notification(List.of(resolved(1, map("alertname", "A"), map()), firing(2, map("alertname", "A"), map())));

    assertThat(n.status()).isEqualTo("firing");
    assertThat(n.firingAlerts()).extracting(a -> a.fingerprint()).containsExactly(2L);
    assertThat(n.resolvedAlerts()).extracting(a -> a.fingerprint()).containsExactly(1L);
    assertThat(notification(List.of(resolved(1, map("alertname", "A"), map()))).status()).isEqualTo("resolved");
  }

  @Test
  void commonLabelsAreThePairsEveryAlertShares() {
    Notification n = notification(List.of(
        firing(1, map("alertname", "A", "env", "prod", "pod", "1"), map("summary", "s")),
        firing(2, map("alertname", "A", "env", "prod", "pod", "2"), map("summary", "s", "x", "y"))));

    assertThat(n.commonLabels()).containsExactly(
        java.util.Map.entry("alertname", "A"), java.util.Map.entry("env", "prod"));
    assertThat(n.commonAnnotations()).containsOnlyKeys("summary");
  }

  @Test
  void titlesAGroupLikeAlertmanager() {
    var pod1 = firing(1, map("alertname", "HighErrorRate", "service", "api", "pod", "1"), map());
    var pod2 = firing(2, map("alertname", "HighErrorRate", "service", "api", "pod", "2"), map());
    var disk = firing(3, map("alertname", "DiskFull", "service", "api"), map());

    assertThat(AlertPresentation.title(notification(List.of(pod1, pod2), "alertname", "HighErrorRate")))
        .isEqualTo("[FIRING:2] HighErrorRate (api)");
    assertThat(AlertPresentation.title(notification(List.of(pod1, pod2))))
        .as("one group for everything still names the alert").isEqualTo("[FIRING:2] HighErrorRate (api)");
    assertThat(AlertPresentation.title(notification(List.of(pod1, disk))))
        .isEqualTo("[FIRING:2] DiskFull, HighErrorRate (api)");
    assertThat(AlertPresentation.title(notification(List.of(pod1, pod2), "service", "api", "alertname", "HighErrorRate")))
        .as("alertname first").isEqualTo("[FIRING:2] HighErrorRate api");
  }
}
