package dev.vigil.alerting.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One evaluation of an alerting rule, as Prometheus's {@code AlertingRule.Eval} does it: results
 * become alerts (new ones pending, or firing at once when {@code for} is zero), pending alerts fire
 * once their result has persisted for {@code for}, alerts whose result vanished are dropped (pending)
 * or resolved (firing, unless {@code keep_firing_for} still holds them), and resolved alerts are kept
 * for {@link #RESOLVED_RETENTION} so their resolution can be notified. Pure: the caller persists the
 * outcome and passes it back as {@code previous} next time.
 */
public final class AlertEvaluation {

  /** How long a resolved alert is kept (Prometheus's {@code resolvedRetention}). */
  public static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

  private static final String METRIC_NAME = "__name__";
  private static final String ALERT_NAME = "alertname";

  private final Templater templater;

  public AlertEvaluation(Templater templater) {
    this.templater = templater;
  }

  /** {@link #next(AlertingRuleSpec, Map, List, Instant, int)} without an alert limit. */
  public EvaluationOutcome next(
      AlertingRuleSpec rule,
      Map<Long, ActiveAlert> previous,
      List<RuleResult> results,
      Instant now) {
    return next(rule, previous, results, now, 0);
  }

  /**
   * The rule's alerts after evaluating it at {@code now} with {@code results}.
   *
   * @param limit the group's {@code limit} on pending and firing alerts, 0 for none
   * @throws AlertEvaluationException when two results carry the same labels once the rule's labels
   *     are applied (the previous alerts then stay as they are)
   * @throws AlertLimitExceededException when more than {@code limit} alerts are pending or firing
   */
  public EvaluationOutcome next(
      AlertingRuleSpec rule,
      Map<Long, ActiveAlert> previous,
      List<RuleResult> results,
      Instant now,
      int limit) {
    Map<Long, ActiveAlert> candidates = candidates(rule, results, now);
    Map<Long, ActiveAlert> alerts = new TreeMap<>();
    List<Transition> transitions = new ArrayList<>();
    for (Map.Entry<Long, ActiveAlert> entry : candidates.entrySet()) {
      long fingerprint = entry.getKey();
      ActiveAlert candidate = entry.getValue();
      ActiveAlert old = previous.get(fingerprint);
      ActiveAlert alert;
      if (old != null && old.state() != AlertState.INACTIVE) {
        alert = old.seen(candidate.value(), candidate.annotations(), now);
        if (alert.state() == AlertState.PENDING && held(alert, rule, now)) {
          alert = alert.withState(AlertState.FIRING, now, null);
          transitions.add(transition(fingerprint, alert, AlertState.PENDING, now));
        }
      } else if (held(candidate, rule, now)) {
        // for: 0 fires in the evaluation that creates the alert; it is never seen pending
        alert = candidate.withState(AlertState.FIRING, now, null);
        transitions.add(transition(fingerprint, alert, AlertState.INACTIVE, now));
      } else {
        // new, or a resolved alert whose result came back: it starts over
        alert = candidate;
        transitions.add(transition(fingerprint, alert, AlertState.INACTIVE, now));
      }
      alerts.put(fingerprint, alert);
    }
    for (Map.Entry<Long, ActiveAlert> entry : previous.entrySet()) {
      if (!candidates.containsKey(entry.getKey())) {
        vanished(rule, entry.getKey(), entry.getValue(), now, alerts, transitions);
      }
    }
    int active =
        (int) alerts.values().stream().filter(a -> a.state() != AlertState.INACTIVE).count();
    if (limit > 0 && active > limit) {
      throw new AlertLimitExceededException(limit, active, forgetAll(previous, now));
    }
    return new EvaluationOutcome(alerts, transitions);
  }

  /** The alerts the results describe, keyed by fingerprint, as if each were new. */
  private Map<Long, ActiveAlert> candidates(
      AlertingRuleSpec rule, List<RuleResult> results, Instant now) {
    Map<Long, ActiveAlert> candidates = new LinkedHashMap<>();
    for (RuleResult result : results) {
      Map<String, String> labels = new TreeMap<>(result.labels());
      labels.remove(METRIC_NAME);
      rule.labels().forEach((name, text) -> labels.put(name, expand(text, result)));
      labels.put(ALERT_NAME, rule.name());
      Map<String, String> annotations = new TreeMap<>();
      rule.annotations().forEach((name, text) -> annotations.put(name, expand(text, result)));
      ActiveAlert alert =
          new ActiveAlert(
              labels, annotations, AlertState.PENDING, result.value(), now, null, null, null, now);
      if (candidates.put(alert.fingerprint(), alert) != null) {
        throw new AlertEvaluationException(
            "vector contains metrics with the same labelset after applying alert labels");
      }
    }
    return candidates;
  }

  private String expand(String text, RuleResult result) {
    if (!text.contains("{{")) {
      return text;
    }
    try {
      return templater.expand(text, result.labels(), result.value());
    } catch (RuntimeException e) {
      return "<error expanding template: " + e.getMessage() + ">";
    }
  }

  /** An alert whose result is gone: kept firing, resolved, kept resolved, or dropped. */
  private static void vanished(
      AlertingRuleSpec rule,
      long fingerprint,
      ActiveAlert alert,
      Instant now,
      Map<Long, ActiveAlert> alerts,
      List<Transition> transitions) {
    switch (alert.state()) {
      case PENDING -> transitions.add(dropped(fingerprint, alert, now));
      case FIRING -> {
        // keep_firing_for counts from the first evaluation that missed the result, as in Prometheus
        Instant since = alert.keepFiringSince() == null ? now : alert.keepFiringSince();
        if (Duration.between(since, now).compareTo(rule.keepFiringFor()) < 0) {
          alerts.put(fingerprint, alert.keptFiring(since, now));
        } else {
          ActiveAlert resolved = alert.withState(AlertState.INACTIVE, alert.firedAt(), now);
          alerts.put(fingerprint, resolved);
          transitions.add(transition(fingerprint, resolved, AlertState.FIRING, now));
        }
      }
      case INACTIVE -> {
        if (alert.resolvedAt() != null
            && Duration.between(alert.resolvedAt(), now).compareTo(RESOLVED_RETENTION) <= 0) {
          alerts.put(fingerprint, alert);
        }
      }
    }
  }

  private static boolean held(ActiveAlert alert, AlertingRuleSpec rule, Instant now) {
    return Duration.between(alert.activeAt(), now).compareTo(rule.forDuration()) >= 0;
  }

  /** What remains when the limit is exceeded: firing alerts resolved, pending ones dropped. */
  private static EvaluationOutcome forgetAll(Map<Long, ActiveAlert> previous, Instant now) {
    Map<Long, ActiveAlert> alerts = new TreeMap<>();
    List<Transition> transitions = new ArrayList<>();
    for (Map.Entry<Long, ActiveAlert> entry : previous.entrySet()) {
      ActiveAlert alert = entry.getValue();
      switch (alert.state()) {
        case PENDING -> transitions.add(dropped(entry.getKey(), alert, now));
        case FIRING -> {
          ActiveAlert resolved = alert.withState(AlertState.INACTIVE, alert.firedAt(), now);
          alerts.put(entry.getKey(), resolved);
          transitions.add(transition(entry.getKey(), resolved, AlertState.FIRING, now));
        }
        case INACTIVE -> {
          if (alert.resolvedAt() != null) {
            alerts.put(entry.getKey(), alert);
          }
        }
      }
    }
    return new EvaluationOutcome(alerts, transitions);
  }

  private static Transition transition(
      long fingerprint, ActiveAlert to, AlertState from, Instant at) {
    return new Transition(fingerprint, to.labels(), from, to.state(), to.value(), at);
  }

  /** A pending alert that goes away: it never fired, so it is not resolved, only gone. */
  private static Transition dropped(long fingerprint, ActiveAlert alert, Instant at) {
    return transition(
        fingerprint, alert.withState(AlertState.INACTIVE, null, null), AlertState.PENDING, at);
  }
}
