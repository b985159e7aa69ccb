package dev.vigil.alerting.channels;

import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.state.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alerts and notifications as alert-service hands them to the channels. */
final class TestAlerts {

  static final Instant STARTED = Instant.parse("2024-05-01T10:00:00Z");
  static final Instant ENDED = STARTED.plus(Duration.ofMinutes(7));
  static final String EXTERNAL_URL = "https://vigil.example.com";

  private TestAlerts() {}

  static Map<String, String> map(String... keyValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put(keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  static NotifiableAlert firing(long fingerprint, Map<String, String> labels, Map<String, String> annotations) {
    return new NotifiableAlert(fingerprint, labels, annotations, AlertState.FIRING, STARTED, null,
        "/projects/checkout/alerting/alerts/" + fingerprint);
  }

  static NotifiableAlert resolved(long fingerprint, Map<String, String> labels, Map<String, String> annotations) {
    return new NotifiableAlert(fingerprint, labels, annotations, AlertState.INACTIVE, STARTED, ENDED,
        "/projects/checkout/alerting/alerts/" + fingerprint);
  }

  /** HighErrorRate on the api service, one alert per pod. */
  static NotifiableAlert highErrorRate(int pod, String severity) {
    return firing(pod, map("alertname", "HighErrorRate", "service", "api", "instance", "pod-" + pod,
            "severity", severity),
        map("summary", "Error rate above 5% on pod-" + pod, "description", "5xx responses are 7.3% of all.",
            "runbook_url", "https://runbooks.example.com/high-error-rate"));
  }

  static Notification notification(List<NotifiableAlert> alerts, String... groupLabels) {
    return new Notification("{}:{alertname=\"HighErrorRate\"}", map(groupLabels), alerts, "Checkout",
        EXTERNAL_URL);
  }
}
