package dev.vigil.alerting.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsSeriesTest {

  private static final Instant ACTIVE_AT = Instant.parse("2025-03-01T10:00:00.750Z");

  private static ActiveAlert alert(String instance, AlertState state) {
    Instant firedAt = state == AlertState.PENDING ? null : ACTIVE_AT.plusSeconds(60);
    Instant resolvedAt = state == AlertState.INACTIVE ? ACTIVE_AT.plusSeconds(120) : null;
    return new ActiveAlert(
        Map.of("alertname", "HighLatency", "instance", instance, "severity", "page"),
        Map.of("summary", "slow"),
        state,
        3.5,
        ACTIVE_AT,
        firedAt,
        resolvedAt,
        null,
        ACTIVE_AT.plusSeconds(120));
  }

  @Test
  void pendingAndFiringAlertsWriteAlertsAndForStateSeries() {
    List<AlertSample> samples =
        AlertsSeries.samples(List.of(alert("a", AlertState.PENDING), alert("b", AlertState.FIRING)));

    assertThat(samples)
        .filteredOn(s -> s.metric().equals("ALERTS"))
        .extracting(AlertSample::labels, AlertSample::value)
        .containsExactlyInAnyOrder(
            tuple(
                Map.of("alertname", "HighLatency", "alertstate", "pending", "instance", "a",
                    "severity", "page"),
                1.0),
            tuple(
                Map.of("alertname", "HighLatency", "alertstate", "firing", "instance", "b",
                    "severity", "page"),
                1.0));
    // the value is when the alert became active, in whole Unix seconds, and there is no alertstate
    assertThat(samples)
        .filteredOn(s -> s.metric().equals("ALERTS_FOR_STATE"))
        .extracting(AlertSample::labels, AlertSample::value)
        .containsExactlyInAnyOrder(
            tuple(
                Map.of("alertname", "HighLatency", "instance", "a", "severity", "page"),
                (double) ACTIVE_AT.getEpochSecond()),
            tuple(
                Map.of("alertname", "HighLatency", "instance", "b", "severity", "page"),
                (double) ACTIVE_AT.getEpochSecond()));
  }

  @Test
  void resolvedAlertsWriteNothing() {
    assertThat(AlertsSeries.samples(List.of(alert("a", AlertState.INACTIVE)))).isEmpty();
  }
}
