package dev.vigil.state.alerting;

import java.time.Instant;
import java.util.List;

/**
 * Where a project's alerts are sent, and how they are grouped into notifications (as Alertmanager's
 * routes do).
 *
 * @param type discord, slack, webhook or email
 * @param settingsJson the type's settings as a JSON object: discord/slack {url}, webhook {url, secret}, email {to: [...]}
 * @param matchers the alerts this channel receives, as a Prometheus selector; empty for every alert
 * @param groupBy the labels that group alerts into one notification; ["..."] for all labels
 */
public record NotificationChannel(
    long id,
    long projectId,
    String name,
    String type,
    String settingsJson,
    String matchers,
    List<String> groupBy,
    int groupWaitSeconds,
    int groupIntervalSeconds,
    int repeatIntervalSeconds,
    boolean sendResolved,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {}
