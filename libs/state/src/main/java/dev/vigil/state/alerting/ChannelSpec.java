package dev.vigil.state.alerting;

import java.util.List;

/** What a notification channel is made of when created or replaced; see {@link NotificationChannel}. */
public record ChannelSpec(
    String name,
    String type,
    String settingsJson,
    String matchers,
    List<String> groupBy,
    int groupWaitSeconds,
    int groupIntervalSeconds,
    int repeatIntervalSeconds,
    boolean sendResolved,
    boolean enabled) {}
