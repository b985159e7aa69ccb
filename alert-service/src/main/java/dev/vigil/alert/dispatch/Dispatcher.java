package dev.vigil.alert.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.leader.LeaderElection;
import dev.vigil.alert.state.AlertBook;
import dev.vigil.alerting.channels.Notification;
import dev.vigil.alerting.routing.GroupDecision;
import dev.vigil.alerting.routing.GroupScheduler;
import dev.vigil.alerting.routing.GroupState;
import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.routing.NotificationPolicy;
import dev.vigil.state.alerting.NotificationChannels;
import dev.vigil.state.alerting.runtime.NewDelivery;
import dev.vigil.state.alerting.runtime.NotificationGroupState;
import dev.vigil.state.alerting.runtime.NotificationGroups;
import dev.vigil.state.alerting.runtime.ProjectNames;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Turns alerts into notifications on the leader, every second: routes each firing or resolved alert to
 * the channels whose matchers it meets (silenced ones left out), groups it per channel, and asks the
 * {@link GroupScheduler} whether the group is due. Group states and the notifications decided are
 * written in one lease-fenced transaction, so a restart or failover neither repeats nor drops one.
 */
@ApplicationScoped
class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);

  private final LeaderElection leader;
  private final AlertBook book;
  private final NotificationChannels channels;
  private final NotificationGroups groups;
  private final ProjectNames projects;
  private final RoutedAlerts routed;
  private final ObjectMapper json;
  private final String externalUrl;
  private final Map<GroupId, NotificationGroupState> states = new HashMap<>();
  private long loadedTerm = -1;

  Dispatcher(
      LeaderElection leader, AlertBook book, NotificationChannels channels, NotificationGroups groups, ProjectNames projects,
      RoutedAlerts routed, ObjectMapper json, AlertingConfig config) {
    this.leader = leader;
    this.book = book;
    this.channels = channels;
    this.groups = groups;
    this.projects = projects;
    this.routed = routed;
    this.json = json;
    this.externalUrl = config.externalUrl();
  }

  @Scheduled(every = "${vigil.alerting.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  synchronized void dispatch() {
    if (!leader.isLeader()) {
      return;
    }
    try {
      if (loadedTerm != leader.term()) {
        states.clear();
        groups.all().await().atMost(PG_TIMEOUT).forEach(s -> states.put(new GroupId(s.channelId(), s.groupKey()), s));
        loadedTerm = leader.term();
      }
      book.refreshIfNewTerm();
      dispatchAt(Instant.now());
    } catch (RuntimeException e) {
      LOG.warnf(e, "notifications not dispatched this round: %s", e.getMessage());
    }
  }

  private void dispatchAt(Instant now) {
    if (states.isEmpty() && book.all().stream().allMatch(rule -> rule.alerts().isEmpty())) {
      return; // no alert and no group to look after: no need to read channels and silences every second
    }
    List<ChannelRoute> routes = channels.allEnabled().await().atMost(PG_TIMEOUT).stream().map(ChannelRoute::of).toList();
    Map<GroupId, RoutedAlerts.Group> current = routed.group(routes, book.all(), now);
    Map<Long, String> projectNames = current.isEmpty() ? Map.of() : projects.all().await().atMost(PG_TIMEOUT);

    List<NotificationGroupState> changed = new ArrayList<>();
    List<NotificationGroupState> forgotten = new ArrayList<>();
    List<NewDelivery> deliveries = new ArrayList<>();
    Map<GroupId, RoutedAlerts.Group> all = new HashMap<>(current);
    for (GroupId id : states.keySet()) {
      all.putIfAbsent(id, null);
    }
    for (Map.Entry<GroupId, RoutedAlerts.Group> e : all.entrySet()) {
      GroupId id = e.getKey();
      RoutedAlerts.Group group = e.getValue();
      NotificationGroupState stored = states.get(id);
      if (group == null && stored == null) {
        continue;
      }
      Map<String, String> groupLabels = group != null ? group.labels() : stored.groupLabels();
      NotificationPolicy policy = group != null ? group.policy() : null;
      List<NotifiableAlert> alerts = group != null ? group.alerts() : List.of();
      GroupState before = stored == null
          ? GroupState.start(now)
          : new GroupState(stored.firstSeenAt(), stored.lastFlushAt(), stored.lastFiring(), stored.lastResolved());
      if (policy == null) {
        forgotten.add(stored);
        continue;
      }
      GroupDecision decision = GroupScheduler.decide(policy, before, alerts, now);
      NotificationGroupState after = new NotificationGroupState(
          id.channelId(), id.groupKey(), groupLabels, decision.state().firstSeenAt(), decision.state().lastFlushAt(),
          decision.state().lastFiring(), decision.state().lastResolved());
      if (decision.forget()) {
        if (stored != null) {
          forgotten.add(stored);
        }
      } else if (!Objects.equals(after, stored)) {
        changed.add(after);
      }
      if (decision.flush()) {
        long projectId = group.projectId();
        Notification n = new Notification(id.groupKey(), groupLabels, decision.alerts(), projectNames.getOrDefault(projectId, ""), externalUrl);
        int firing = n.firingAlerts().size();
        deliveries.add(new NewDelivery(id.channelId(), projectId, id.groupKey(), firing, n.alerts().size() - firing, toJson(n)));
      }
    }
    if (changed.isEmpty() && forgotten.isEmpty() && deliveries.isEmpty()) {
      return;
    }
    if (!groups.save(LeaderElection.LEASE, leader.owner(), changed, forgotten, deliveries).await().atMost(PG_TIMEOUT)) {
      return;
    }
    changed.forEach(s -> states.put(new GroupId(s.channelId(), s.groupKey()), s));
    forgotten.forEach(s -> states.remove(new GroupId(s.channelId(), s.groupKey())));
    if (!deliveries.isEmpty()) {
      LOG.debugf("%d notification(s) queued", deliveries.size());
    }
  }

  private String toJson(Notification n) {
    try {
      return json.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("notification not serializable", e);
    }
  }
}
