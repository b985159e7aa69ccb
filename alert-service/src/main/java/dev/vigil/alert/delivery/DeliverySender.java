package dev.vigil.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.AlertingMetrics;
import dev.vigil.alerting.channels.Notification;
import dev.vigil.state.alerting.NotificationChannel;
import dev.vigil.state.alerting.NotificationChannels;
import dev.vigil.state.alerting.runtime.Delivery;
import dev.vigil.state.alerting.runtime.NotificationOutbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds, on every replica: claims due deliveries, sends each through its channel
 * and records the outcome — sent, rescheduled (a 429's own delay, or backoff), or failed with the
 * channel's last answer, which the delivery log shows. A channel that answered 429 is left alone until
 * its rate limit ends: its other due deliveries are deferred without being tried, so a 429 storm costs
 * one request per wait, not one per queued notification.
 */
@ApplicationScoped
class DeliverySender {

  private static final Logger LOG = Logger.getLogger(DeliverySender.class);
  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);

  private final NotificationOutbox outbox;
  private final NotificationChannels channels;
  private final WebhookChannels webhooks;
  private final EmailChannel email;
  private final ObjectMapper json;
  private final RetryPolicy retries;
  private final int batchSize;
  private final Duration visibility;
  private final Map<Long, Instant> rateLimitedUntil = new ConcurrentHashMap<>();
  private final AlertingMetrics metrics;

  DeliverySender(
      NotificationOutbox outbox, NotificationChannels channels, WebhookChannels webhooks, EmailChannel email, ObjectMapper json,
      AlertingConfig config, AlertingMetrics metrics) {
    this.metrics = metrics;
    this.outbox = outbox;
    this.channels = channels;
    this.webhooks = webhooks;
    this.email = email;
    this.json = json;
    this.retries = RetryPolicy.of(config.delivery());
    this.batchSize = config.delivery().batchSize();
    // Long enough for every delivery of a batch to time out once before another replica may retry them.
    this.visibility = config.delivery().httpTimeout().multipliedBy(batchSize).plusSeconds(30);
  }

  @Scheduled(every = "${vigil.alerting.delivery.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sendDue() {
    List<Delivery> due;
    try {
      due = outbox.claimDue(batchSize, visibility).await().atMost(PG_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warnf("could not read the notification outbox (PostgreSQL unavailable?): %s", e.getMessage());
      return;
    }
    for (Delivery d : due) {
      try {
        Instant waitUntil = rateLimitedUntil.get(d.channelId());
        if (waitUntil != null && waitUntil.isAfter(Instant.now())) {
          outbox.defer(d.id(), waitUntil).await().atMost(PG_TIMEOUT);
          continue;
        }
        Sent sent = send(d);
        record(d, sent.outcome(), sent.channelType());
      } catch (RuntimeException e) {
        LOG.warnf(e, "delivery %d: could not record its outcome; it will be retried", d.id());
      }
    }
  }

  /** What a channel answered, and its type (for the metrics). */
  private record Sent(SendOutcome outcome, String channelType) {}

  private Sent send(Delivery d) {
    NotificationChannel channel = channels.byId(d.channelId()).await().atMost(PG_TIMEOUT);
    if (channel == null) {
      return new Sent(SendOutcome.permanent(null, "the channel was deleted"), "unknown");
    }
    return new Sent(send(d, channel), channel.type());
  }

  private SendOutcome send(Delivery d, NotificationChannel channel) {
    if (!channel.enabled() && !"test".equals(d.kind())) {
      return SendOutcome.permanent(null, "the channel is disabled");
    }
    Notification notification;
    JsonNode settings;
    try {
      notification = json.readValue(d.payloadJson(), Notification.class);
      settings = json.readTree(channel.settingsJson());
    } catch (Exception e) {
      return SendOutcome.permanent(null, "unreadable notification: " + e.getMessage());
    }
    return "email".equals(channel.type())
        ? email.send(settings, notification)
        : webhooks.send(channel.type(), settings, notification);
  }

  private void record(Delivery d, SendOutcome outcome, String channelType) {
    if (outcome.kind() == SendOutcome.Kind.SENT) {
      outbox.markSent(d.id(), outcome.statusCode()).await().atMost(PG_TIMEOUT);
      metrics.delivery(channelType, "sent");
      return;
    }
    Instant next = retries.nextAttempt(outcome, d.attempts(), d.createdAt(), Instant.now());
    if (outcome.kind() == SendOutcome.Kind.RATE_LIMITED && next != null) {
      rateLimitedUntil.put(d.channelId(), next);
    }
    if (next == null) {
      LOG.warnf("delivery %d to channel %d failed after %d attempt(s): %s", d.id(), d.channelId(), d.attempts(), outcome.error());
      outbox.markFailed(d.id(), outcome.statusCode(), outcome.error()).await().atMost(PG_TIMEOUT);
      metrics.delivery(channelType, "failed");
    } else {
      metrics.delivery(channelType, outcome.kind() == SendOutcome.Kind.RATE_LIMITED ? "rate_limited" : "retried");
      LOG.debugf("delivery %d: %s; next attempt at %s", d.id(), outcome.error(), next);
      outbox.reschedule(d.id(), next, outcome.statusCode(), outcome.error()).await().atMost(PG_TIMEOUT);
    }
  }
}
