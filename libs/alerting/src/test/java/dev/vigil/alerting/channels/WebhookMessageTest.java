package dev.vigil.alerting.channels;

import static dev.vigil.alerting.channels.TestAlerts.firing;
import static dev.vigil.alerting.channels.TestAlerts.highErrorRate;
import static dev.vigil.alerting.channels.TestAlerts.map;
import static dev.vigil.alerting.channels.TestAlerts.notification;
import static dev.vigil.alerting.channels.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.routing.NotifiableAlert;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookMessageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rendersAlertmanagersWebhookPayloadVersion4() throws Exception {
    NotifiableAlert fixed = resolved(0xC6A3E1F2B4D58790L,
        map("alertname", "HighErrorRate", "service", "api", "instance", "pod-2", "severity", "critical"),
        map("summary", "Error rate above 5% on pod-2", "description", "5xx responses are 7.3% of all.",
            "runbook_url", "https://runbooks.example.com/high-error-rate"));
    Notification n = notification(List.of(highErrorRate(1, "critical"), fixed), "alertname", "HighErrorRate");

    JsonNode body = JSON.readTree(WebhookMessage.render(n, "ops-webhook", 0));

    assertThat(body).isEqualTo(JSON.readTree("""
        {
          "version": "4",
          "groupKey": "{}:{alertname=\\"HighErrorRate\\"}",
          "truncatedAlerts": 0,
          "status": "firing",
          "receiver": "ops-webhook",
          "groupLabels": {"alertname": "HighErrorRate"},
          "commonLabels": {"alertname": "HighErrorRate", "service": "api", "severity": "critical"},
          "commonAnnotations": {
            "description": "5xx responses are 7.3% of all.",
            "runbook_url": "https://runbooks.example.com/high-error-rate"
          },
          "externalURL": "https://vigil.example.com",
          "alerts": [
            {
              "status": "firing",
              "labels": {"alertname": "HighErrorRate", "instance": "pod-1", "service": "api", "severity": "critical"},
              "annotations": {
                "description": "5xx responses are 7.3% of all.",
                "runbook_url": "https://runbooks.example.com/high-error-rate",
                "summary": "Error rate above 5% on pod-1"
              },
              "startsAt": "2024-05-01T10:00:00Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://vigil.example.com/projects/checkout/alerting/alerts/1",
              "fingerprint": "0000000000000001"
            },
            {
              "status": "resolved",
              "labels": {"alertname": "HighErrorRate", "instance": "pod-2", "service": "api", "severity": "critical"},
              "annotations": {
                "description": "5xx responses are 7.3% of all.",
                "runbook_url": "https://runbooks.example.com/high-error-rate",
                "summary": "Error rate above 5% on pod-2"
              },
              "startsAt": "2024-05-01T10:00:00Z",
              "endsAt": "2024-05-01T10:07:00Z",
              "generatorURL": "https://vigil.example.com/projects/checkout/alerting/alerts/-4133027000000000000",
              "fingerprint": "c6a3e1f2b4d58790"
            }
          ]
        }
        """.replace("-4133027000000000000", Long.toString(0xC6A3E1F2B4D58790L))));
  }

  @Test
  void isResolvedWhenNoAlertFires() throws Exception {
    JsonNode body = JSON.readTree(WebhookMessage.render(notification(List.of(resolved(1, map("alertname", "A"), map())))));

    assertThat(body.path("status").asText()).isEqualTo("resolved");
    assertThat(body.path("receiver").asText()).isEqualTo("vigil");
  }

  @Test
  void countsAlertsLeftOutByMaxAlerts() throws Exception {
    List<NotifiableAlert> alerts = IntStream.range(0, 40).mapToObj(i -> firing(i, map("alertname", "A", "i", "" + i), map())).toList();

    JsonNode body = JSON.readTree(WebhookMessage.render(notification(alerts), "r", 25));

    assertThat(body.path("alerts")).hasSize(25);
    assertThat(body.path("truncatedAlerts").asInt()).isEqualTo(15);
    assertThat(body.at("/commonLabels")).isEqualTo(JSON.readTree("{\"alertname\":\"A\"}"));
  }
}
