package dev.vigil.query.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.channels.Notification;
import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.state.AlertFingerprint;
import dev.vigil.alerting.state.AlertState;
import dev.vigil.state.alerting.NotificationChannel;
import dev.vigil.state.alerting.runtime.NotificationOutbox;
import dev.vigil.state.projects.ProjectEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Send test notification": a delivery of kind test in the outbox, which alert-service sends like any
 * other, so the test proves the whole path (settings, rendering, the channel's answer) and its outcome
 * shows in the delivery log.
 */
@ApplicationScoped
public class TestNotifications {

  static final String ALERT_NAME = "VigilTestNotification";

  private final NotificationOutbox outbox;
  private final ObjectMapper json;
  private final String uiUrl;

  TestNotifications(NotificationOutbox outbox, ObjectMapper json, @ConfigProperty(name = "vigil.ui.public-url", defaultValue = "http://localhost:8080") String uiUrl) {
    this.outbox = outbox;
    this.json = json;
    this.uiUrl = uiUrl.endsWith("/") ? uiUrl.substring(0, uiUrl.length() - 1) : uiUrl;
  }

  /** Queues the test notification for the channel; the delivery's id. */
  public Uni<Long> enqueue(ProjectEntity project, NotificationChannel channel) {
    Notification n = notification(project, channel, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    String payload;
    try {
      payload = json.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the test notification", e);
    }
    return outbox.enqueue(channel.id(), project.id, n.groupKey(), "test", 1, 0, payload);
  }

  Notification notification(ProjectEntity project, NotificationChannel channel, Instant now) {
    Map<String, String> labels = Map.of("alertname", ALERT_NAME, "severity", "info");
    Map<String, String> annotations =
        Map.of(
            "summary", "Test notification from channel " + channel.name(),
            "description", "This is a test from Vigil: if you can read it, channel \"" + channel.name() + "\" of project " + project.name + " works.");
    NotifiableAlert alert =
        new NotifiableAlert(AlertFingerprint.of(labels), labels, annotations, AlertState.FIRING, now, null, uiUrl + "/projects/" + project.id + "/alerts");
    return new Notification("test:" + channel.id(), Map.of("alertname", ALERT_NAME), List.of(alert), project.name, uiUrl);
  }
}
