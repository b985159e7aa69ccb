package dev.vigil.alert.dispatch;

import dev.vigil.alerting.routing.LabelMatcher;
import dev.vigil.alerting.routing.LabelMatchers;
import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.routing.NotificationPolicy;
import dev.vigil.state.alerting.NotificationChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A channel as a route: which alerts it takes (its project's, matching its matchers) and how they are
 * grouped. Alerts of new issues and regressions are events, not conditions: like Sentry's issue alerts
 * they go out at once, one notification per issue, whatever the channel's group wait.
 */
record ChannelRoute(NotificationChannel channel, List<LabelMatcher> matchers, NotificationPolicy policy, NotificationPolicy eventPolicy) {

  /** error-rule triggers whose alerts are one-off events. */
  static final Set<String> EVENT_TRIGGERS = Set.of("new_issue", "regression");

  static ChannelRoute of(NotificationChannel c) {
    List<LabelMatcher> matchers = c.matchers() == null || c.matchers().isBlank() ? List.of() : LabelMatchers.parse(c.matchers());
    Duration interval = Duration.ofSeconds(c.groupIntervalSeconds());
    Duration repeat = Duration.ofSeconds(c.repeatIntervalSeconds());
    NotificationPolicy policy = new NotificationPolicy(c.groupBy(), Duration.ofSeconds(c.groupWaitSeconds()), interval, repeat, c.sendResolved());
    NotificationPolicy events = new NotificationPolicy(List.of("alertname", "issue_id"), Duration.ZERO, interval, repeat, false);
    return new ChannelRoute(c, matchers, policy, events);
  }

  boolean takes(long projectId, Map<String, String> labels) {
    return channel.projectId() == projectId && LabelMatchers.matchAll(matchers, labels);
  }

  NotificationPolicy policyFor(NotifiableAlert alert) {
    return isEvent(alert.labels()) ? eventPolicy : policy;
  }

  static boolean isEvent(Map<String, String> labels) {
    String trigger = labels.get("trigger");
    return trigger != null && EVENT_TRIGGERS.contains(trigger) && labels.containsKey("issue_id");
  }
}
