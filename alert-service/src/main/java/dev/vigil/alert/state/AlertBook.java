package dev.vigil.alert.state;

import dev.vigil.alert.leader.LeaderElection;
import dev.vigil.alerting.state.ActiveAlert;
import dev.vigil.alerting.state.AlertState;
import dev.vigil.alerting.state.EvaluationOutcome;
import dev.vigil.alerting.state.Transition;
import dev.vigil.state.alerting.runtime.AlertInstances;
import dev.vigil.state.alerting.runtime.StateChange;
import dev.vigil.state.alerting.AlertInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every rule's alerts, as the leader knows them: loaded from PostgreSQL when it becomes leader (so a
 * restart or failover resumes pending timers and firing alerts instead of starting over), and written
 * back after each evaluation before memory changes. A write refused because the lease moved on leaves
 * memory as it was.
 */
@ApplicationScoped
public class AlertBook {

  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);

  /** A rule's alerts and what identifies the rule. */
  public record RuleAlerts(String ruleKey, long projectId, String ruleName, Map<Long, ActiveAlert> alerts) {}

  private final AlertInstances instances;
  private final LeaderElection leader;
  private final Map<String, RuleAlerts> byRule = new ConcurrentHashMap<>();
  private volatile long loadedTerm = -1;

  AlertBook(AlertInstances instances, LeaderElection leader) {
    this.instances = instances;
    this.leader = leader;
  }

  /** Reloads from PostgreSQL when this replica has (re)gained leadership since the last load. */
  public synchronized void refreshIfNewTerm() {
    long term = leader.term();
    if (term == loadedTerm) {
      return;
    }
    Map<String, RuleAlerts> loaded = new HashMap<>();
    for (AlertInstance s : instances.all().await().atMost(PG_TIMEOUT)) {
      RuleAlerts rule = loaded.computeIfAbsent(s.ruleKey(), k -> new RuleAlerts(k, s.projectId(), s.ruleName(), new HashMap<>()));
      ActiveAlert alert = toActive(s);
      rule.alerts().put(alert.fingerprint(), alert);
    }
    byRule.clear();
    byRule.putAll(loaded);
    loadedTerm = term;
  }

  /** The rule's alerts before this evaluation. */
  public Map<Long, ActiveAlert> alerts(String ruleKey) {
    RuleAlerts rule = byRule.get(ruleKey);
    return rule == null ? Map.of() : Map.copyOf(rule.alerts());
  }

  /** Persists the rule's new alerts and their history; false when this replica no longer leads. */
  public boolean record(String ruleKey, long projectId, String ruleName, EvaluationOutcome outcome) {
    List<AlertInstance> rows = new ArrayList<>();
    for (ActiveAlert a : outcome.alerts().values()) {
      rows.add(toStored(ruleKey, projectId, ruleName, a));
    }
    List<StateChange> changes = new ArrayList<>();
    for (Transition t : outcome.transitions()) {
      String to = t.to() == AlertState.INACTIVE && t.from() != AlertState.FIRING ? "inactive" : name(t.to(), true);
      changes.add(new StateChange(t.fingerprint(), t.labels(), name(t.from(), false), to, t.value(), t.at()));
    }
    boolean unchanged = changes.isEmpty() && outcome.alerts().isEmpty() && alerts(ruleKey).isEmpty();
    if (!unchanged) {
      boolean saved = instances.save(LeaderElection.LEASE, leader.owner(), ruleKey, projectId, ruleName, rows, changes).await().atMost(PG_TIMEOUT);
      if (!saved) {
        return false;
      }
    }
    byRule.put(ruleKey, new RuleAlerts(ruleKey, projectId, ruleName, new HashMap<>(outcome.alerts())));
    return true;
  }

  /** Every rule's alerts, for the dispatcher. */
  public Collection<RuleAlerts> all() {
    return List.copyOf(byRule.values());
  }

  /**
   * Forgets the rules under {@code prefix} ({@code group:} or {@code error:}) that no longer exist;
   * their alerts are dropped without a notification, as Prometheus drops a deleted rule's alerts.
   */
  public void retainRules(String prefix, Set<String> ruleKeys) {
    if (byRule.keySet().removeIf(k -> k.startsWith(prefix) && !ruleKeys.contains(k))) {
      instances.deleteRulesOtherThan(prefix, List.copyOf(ruleKeys)).await().atMost(PG_TIMEOUT);
    }
  }

  static String name(AlertState state, boolean resolvedWhenInactive) {
    return switch (state) {
      case PENDING -> "pending";
      case FIRING -> "firing";
      case INACTIVE -> resolvedWhenInactive ? "resolved" : "inactive";
    };
  }

  static AlertInstance toStored(String ruleKey, long projectId, String ruleName, ActiveAlert a) {
    return new AlertInstance(ruleKey, a.fingerprint(), projectId, ruleName, a.labels(), a.annotations(), name(a.state(), true), a.value(),
        a.activeAt(), a.firedAt(), a.resolvedAt(), a.keepFiringSince(), a.lastEvaluatedAt());
  }

  static ActiveAlert toActive(AlertInstance s) {
    AlertState state = switch (s.state()) {
      case "pending" -> AlertState.PENDING;
      case "firing" -> AlertState.FIRING;
      default -> AlertState.INACTIVE;
    };
    return new ActiveAlert(s.labels(), s.annotations(), state, s.value(), s.activeAt(), s.firedAt(), s.resolvedAt(), s.keepFiringSince(),
        s.lastEvaluatedAt());
  }
}
