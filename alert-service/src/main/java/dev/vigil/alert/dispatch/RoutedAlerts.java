package dev.vigil.alert.dispatch;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.state.AlertBook;
import dev.vigil.alerting.routing.LabelMatchers;
import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.routing.NotificationPolicy;
import dev.vigil.alerting.routing.Silence;
import dev.vigil.alerting.state.ActiveAlert;
import dev.vigil.state.alerting.AlertSilence;
import dev.vigil.state.alerting.AlertSilences;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which notification group of which channel each alert belongs to right now: firing alerts, and
 * resolved ones still kept by the state machine (except resolutions of one-off issue events, which
 * nobody needs told); an alert muted by one of its project's active silences belongs nowhere.
 */
@ApplicationScoped
class RoutedAlerts {

  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);

  /** A group's alerts now, with the labels and policy it is grouped by. */
  record Group(long projectId, Map<String, String> labels, NotificationPolicy policy, List<NotifiableAlert> alerts) {}

  private final AlertSilences silences;
  private final String externalUrl;

  RoutedAlerts(AlertSilences silences, AlertingConfig config) {
    this.silences = silences;
    this.externalUrl = config.externalUrl().replaceAll("/+$", "");
  }

  Map<GroupId, Group> group(List<ChannelRoute> routes, Collection<AlertBook.RuleAlerts> rules, Instant now) {
    Map<GroupId, Group> groups = new HashMap<>();
    if (routes.isEmpty()) {
      return groups;
    }
    Map<Long, List<Silence>> silencesByProject = activeSilences(now);
    for (AlertBook.RuleAlerts rule : rules) {
      for (ActiveAlert alert : rule.alerts().values()) {
        NotifiableAlert n = NotifiableAlert.of(alert, link(rule.projectId(), alert.labels()));
        if (n == null || (!n.firing() && ChannelRoute.isEvent(n.labels()))) {
          continue;
        }
        List<Silence> projectSilences = silencesByProject.getOrDefault(rule.projectId(), List.of());
        if (!Silence.muting(projectSilences, n.labels(), now).isEmpty()) {
          continue;
        }
        for (ChannelRoute route : routes) {
          if (!route.takes(rule.projectId(), n.labels())) {
            continue;
          }
          NotificationPolicy policy = route.policyFor(n);
          String key = (policy == route.eventPolicy() ? "event:" : "") + policy.groupKey(n.labels());
          groups.computeIfAbsent(
                  new GroupId(route.channel().id(), key),
                  k -> new Group(rule.projectId(), policy.groupLabels(n.labels()), policy, new ArrayList<>()))
              .alerts()
              .add(n);
        }
      }
    }
    return groups;
  }

  private Map<Long, List<Silence>> activeSilences(Instant now) {
    Map<Long, List<Silence>> byProject = new HashMap<>();
    for (AlertSilence s : silences.allActiveAt(now).await().atMost(PG_TIMEOUT)) {
      byProject.computeIfAbsent(s.projectId(), k -> new ArrayList<>())
          .add(new Silence(s.id(), LabelMatchers.parse(s.matchers()), s.startsAt(), s.endsAt(), s.comment(), s.createdBy()));
    }
    return byProject;
  }

  /** Where a notification links: the issue an error alert is about, else the project's alerts page. */
  private String link(long projectId, Map<String, String> labels) {
    String issueId = labels.get("issue_id");
    return issueId != null
        ? externalUrl + "/projects/" + projectId + "/issues/" + issueId
        : externalUrl + "/projects/" + projectId + "/alerts";
  }
}
