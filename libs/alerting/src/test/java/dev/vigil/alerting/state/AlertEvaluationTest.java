package dev.vigil.alerting.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AlertEvaluationTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  /** Stands in for the real template engine: {{ $labels.x }} and {{ $value }} only. */
  private static final Templater SIMPLE_TEMPLATES =
      (text, labels, value) -> {
        if (text.contains("{{ fail }}")) {
          throw new IllegalArgumentException("function \"fail\" not defined");
        }
        Matcher m = Pattern.compile("\\{\\{ \\$labels\\.(\\w+) }}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().replace("{{ $value }}", String.valueOf(value));
      };

  private final AlertEvaluation evaluation = new AlertEvaluation(SIMPLE_TEMPLATES);

  private static AlertingRuleSpec rule(Duration forDuration, Duration keepFiringFor) {
    return new AlertingRuleSpec(
        "HighLatency",
        forDuration,
        keepFiringFor,
        Map.of("severity", "page"),
        Map.of("summary", "{{ $labels.instance }} is slow: {{ $value }}"));
  }

  private static RuleResult sample(String instance, double value) {
    return new RuleResult(Map.of("__name__", "latency_seconds", "instance", instance), value);
  }

  private static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  private static ActiveAlert only(EvaluationOutcome outcome) {
    assertThat(outcome.alerts()).hasSize(1);
    return outcome.alerts().values().iterator().next();
  }

  @Test
  void newResultIsPendingUntilItHasPersistedForTheForDuration() {
    AlertingRuleSpec rule = rule(Duration.ofMinutes(5), null);
    EvaluationOutcome first = evaluation.next(rule, Map.of(), List.of(sample("a", 2)), T0);
    ActiveAlert pending = only(first);
    assertThat(pending.state()).isEqualTo(AlertState.PENDING);
    assertThat(pending.activeAt()).isEqualTo(T0);
    assertThat(pending.firedAt()).isNull();
    assertThat(first.transitions())
        .extracting(Transition::from, Transition::to, Transition::at)
        .containsExactly(tuple(AlertState.INACTIVE, AlertState.PENDING, T0));

    EvaluationOutcome later =
        evaluation.next(rule, first.alerts(), List.of(sample("a", 3)), at(Duration.ofSeconds(299)));
    assertThat(only(later).state()).isEqualTo(AlertState.PENDING);
    assertThat(only(later).value()).isEqualTo(3);
    assertThat(later.transitions()).isEmpty();

    Instant fires = at(Duration.ofMinutes(5));
    EvaluationOutcome fired = evaluation.next(rule, later.alerts(), List.of(sample("a", 4)), fires);
    ActiveAlert firing = only(fired);
    assertThat(firing.state()).isEqualTo(AlertState.FIRING);
    assertThat(firing.activeAt()).isEqualTo(T0);
    assertThat(firing.firedAt()).isEqualTo(fires);
    assertThat(fired.transitions()).singleElement().satisfies(t -> {
      assertThat(t.from()).isEqualTo(AlertState.PENDING);
      assertThat(t.to()).isEqualTo(AlertState.FIRING);
      assertThat(t.value()).isEqualTo(4);
      assertThat(t.fingerprint()).isEqualTo(firing.fingerprint());
    });
  }

  @Test
  void zeroForFiresInTheEvaluationThatFindsTheResult() {
    EvaluationOutcome outcome =
        evaluation.next(rule(Duration.ZERO, null), Map.of(), List.of(sample("a", 2)), T0);
    ActiveAlert alert = only(outcome);
    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.activeAt()).isEqualTo(T0);
    assertThat(alert.firedAt()).isEqualTo(T0);
    assertThat(outcome.transitions())
        .extracting(Transition::from, Transition::to)
        .containsExactly(tuple(AlertState.INACTIVE, AlertState.FIRING));
  }

  @Test
  void alertLabelsAreTheSampleLabelsWithoutNameOverriddenByTheRuleLabelsAndAlertname() {
    AlertingRuleSpec rule =
        new AlertingRuleSpec(
            "HighLatency",
            null,
            null,
            Map.of("severity", "page", "team", "{{ $labels.team }}-oncall", "instance", "fixed"),
            Map.of("summary", "{{ $labels.__name__ }} on {{ $labels.instance }} = {{ $value }}"));
    RuleResult result =
        new RuleResult(
            Map.of("__name__", "latency_seconds", "instance", "a", "team", "db",
                "severity", "info", "alertname", "Other"),
            1.5);

    ActiveAlert alert = only(evaluation.next(rule, Map.of(), List.of(result), T0));

    assertThat(alert.labels())
        .containsExactly(
            Map.entry("alertname", "HighLatency"),
            Map.entry("instance", "fixed"),
            Map.entry("severity", "page"),
            Map.entry("team", "db-oncall"));
    // templates see the sample as the expression returned it, metric name included
    assertThat(alert.annotations()).containsEntry("summary", "latency_seconds on a = 1.5");
    assertThat(alert.fingerprint()).isEqualTo(AlertFingerprint.of(alert.labels()));
  }

  @Test
  void templateThatFailsShowsTheErrorInTheTextLikePrometheus() {
    AlertingRuleSpec rule =
        new AlertingRuleSpec("X", null, null, Map.of(), Map.of("summary", "{{ fail }}"));
    ActiveAlert alert = only(evaluation.next(rule, Map.of(), List.of(sample("a", 1)), T0));
    assertThat(alert.annotations().get("summary"))
        .isEqualTo("<error expanding template: function \"fail\" not defined>");
  }

  @Test
  void firingAlertTakesTheLatestValueAndAnnotationsEachEvaluation() {
    AlertingRuleSpec rule = rule(Duration.ZERO, null);
    EvaluationOutcome first = evaluation.next(rule, Map.of(), List.of(sample("a", 2)), T0);
    EvaluationOutcome second =
        evaluation.next(rule, first.alerts(), List.of(sample("a", 7)), at(Duration.ofMinutes(1)));
    ActiveAlert alert = only(second);
    assertThat(alert.value()).isEqualTo(7);
    assertThat(alert.annotations()).containsEntry("summary", "a is slow: 7.0");
    assertThat(alert.firedAt()).isEqualTo(T0);
    assertThat(alert.lastEvaluatedAt()).isEqualTo(at(Duration.ofMinutes(1)));
    assertThat(second.transitions()).isEmpty();
  }

  @Test
  void pendingAlertWhoseResultVanishesIsDroppedWithoutBeingResolved() {
    AlertingRuleSpec rule = rule(Duration.ofMinutes(5), null);
    EvaluationOutcome pending = evaluation.next(rule, Map.of(), List.of(sample("a", 2)), T0);
    EvaluationOutcome gone =
        evaluation.next(rule, pending.alerts(), List.of(), at(Duration.ofMinutes(1)));
    assertThat(gone.alerts()).isEmpty();
    assertThat(gone.transitions())
        .extracting(Transition::from, Transition::to)
        .containsExactly(tuple(AlertState.PENDING, AlertState.INACTIVE));
  }

  @Test
  void firingAlertWhoseResultVanishesIsResolvedAndKeptFifteenMinutes() {
    AlertingRuleSpec rule = rule(Duration.ZERO, null);
    EvaluationOutcome firing = evaluation.next(rule, Map.of(), List.of(sample("a", 2)), T0);
    Instant resolvedAt = at(Duration.ofMinutes(3));
    EvaluationOutcome resolved = evaluation.next(rule, firing.alerts(), List.of(), resolvedAt);
    ActiveAlert alert = only(resolved);
    assertThat(alert.state()).isEqualTo(AlertState.INACTIVE);
    assertThat(alert.resolved()).isTrue();
    assertThat(alert.resolvedAt()).isEqualTo(resolvedAt);
    assertThat(alert.firedAt()).isEqualTo(T0);
    assertThat(alert.value()).isEqualTo(2);
    assertThat(resolved.transitions())
        .extracting(Transition::from, Transition::to, Transition::at)
        .containsExactly(
            tuple(AlertState.FIRING, AlertState.INACTIVE, resolvedAt));

    EvaluationOutcome atRetention =
        evaluation.next(rule, resolved.alerts(), List.of(), resolvedAt.plus(Duration.ofMinutes(15)));
    assertThat(only(atRetention).resolvedAt()).isEqualTo(resolvedAt);
    assertThat(atRetention.transitions()).isEmpty();

    EvaluationOutcome after =
        evaluation.next(
            rule, atRetention.alerts(), List.of(), resolvedAt.plus(Duration.ofMinutes(15).plusSeconds(1)));
    assertThat(after.alerts()).isEmpty();
    assertThat(after.transitions()).isEmpty();
  }

  @Test
  void resolvedAlertWhoseResultComesBackStartsOverAsPending() {
    AlertingRuleSpec rule = rule(Duration.ofMinutes(1), null);
    Map<Long, ActiveAlert> state = evaluation.next(rule, Map.of(), List.of(sample("a", 1)), T0).alerts();
    state = evaluation.next(rule, state, List.of(sample("a", 1)), at(Duration.ofMinutes(1))).alerts();
    state = evaluation.next(rule, state, List.of(), at(Duration.ofMinutes(2))).alerts();
    assertThat(state).hasSize(1);
    assertThat(state.values().iterator().next().resolved()).isTrue();

    Instant back = at(Duration.ofMinutes(3));
    EvaluationOutcome again = evaluation.next(rule, state, List.of(sample("a", 5)), back);
    ActiveAlert alert = only(again);
    assertThat(alert.state()).isEqualTo(AlertState.PENDING);
    assertThat(alert.activeAt()).isEqualTo(back);
    assertThat(alert.firedAt()).isNull();
    assertThat(alert.resolvedAt()).isNull();
    assertThat(again.transitions())
        .extracting(Transition::from, Transition::to)
        .containsExactly(tuple(AlertState.INACTIVE, AlertState.PENDING));
  }

  @Test
  void keepFiringForHoldsAFiringAlertFromTheFirstEvaluationThatMissedIt() {
    AlertingRuleSpec rule = rule(Duration.ZERO, Duration.ofMinutes(2));
    Map<Long, ActiveAlert> state = evaluation.next(rule, Map.of(), List.of(sample("a", 9)), T0).alerts();

    Instant missed = at(Duration.ofMinutes(1));
    EvaluationOutcome held = evaluation.next(rule, state, List.of(), missed);
    assertThat(only(held).state()).isEqualTo(AlertState.FIRING);
    assertThat(only(held).keepFiringSince()).isEqualTo(missed);
    assertThat(only(held).value()).isEqualTo(9);
    assertThat(held.transitions()).isEmpty();

    EvaluationOutcome stillHeld =
        evaluation.next(rule, held.alerts(), List.of(), missed.plus(Duration.ofSeconds(119)));
    assertThat(only(stillHeld).state()).isEqualTo(AlertState.FIRING);
    assertThat(only(stillHeld).keepFiringSince()).isEqualTo(missed);

    Instant over = missed.plus(Duration.ofMinutes(2));
    EvaluationOutcome resolved = evaluation.next(rule, stillHeld.alerts(), List.of(), over);
    assertThat(only(resolved).resolvedAt()).isEqualTo(over);
    assertThat(resolved.transitions())
        .extracting(Transition::from, Transition::to)
        .containsExactly(tuple(AlertState.FIRING, AlertState.INACTIVE));
  }

  @Test
  void resultThatReturnsWhileKeptFiringRestartsTheKeepFiringClock() {
    AlertingRuleSpec rule = rule(Duration.ZERO, Duration.ofMinutes(2));
    Map<Long, ActiveAlert> state = evaluation.next(rule, Map.of(), List.of(sample("a", 1)), T0).alerts();
    state = evaluation.next(rule, state, List.of(), at(Duration.ofMinutes(1))).alerts();
    EvaluationOutcome back =
        evaluation.next(rule, state, List.of(sample("a", 2)), at(Duration.ofSeconds(90)));
    assertThat(only(back).keepFiringSince()).isNull();
    assertThat(only(back).firedAt()).isEqualTo(T0);
    assertThat(back.transitions()).isEmpty();

    // missing again at 2m: a fresh two minutes from there, so still firing at 3m59s
    state = evaluation.next(rule, back.alerts(), List.of(), at(Duration.ofMinutes(2))).alerts();
    EvaluationOutcome held =
        evaluation.next(rule, state, List.of(), at(Duration.ofMinutes(3).plusSeconds(59)));
    assertThat(only(held).state()).isEqualTo(AlertState.FIRING);
    assertThat(only(held).keepFiringSince()).isEqualTo(at(Duration.ofMinutes(2)));
  }

  @Test
  void keepFiringForDoesNotHoldAPendingAlert() {
    AlertingRuleSpec rule = rule(Duration.ofMinutes(5), Duration.ofMinutes(10));
    Map<Long, ActiveAlert> state = evaluation.next(rule, Map.of(), List.of(sample("a", 1)), T0).alerts();
    EvaluationOutcome gone = evaluation.next(rule, state, List.of(), at(Duration.ofMinutes(1)));
    assertThat(gone.alerts()).isEmpty();
  }

  @Test
  void flappingResultNeverOutlastsForAndSoNeverFires() {
    AlertingRuleSpec rule = rule(Duration.ofMinutes(1), null);
    Map<Long, ActiveAlert> state = Map.of();
    StringBuilder history = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      List<RuleResult> results = i % 2 == 0 ? List.of(sample("a", i)) : List.of();
      EvaluationOutcome outcome = evaluation.next(rule, state, results, at(Duration.ofSeconds(30L * i)));
      outcome.transitions().forEach(t -> history.append(t.from()).append("->").append(t.to()).append(' '));
      state = outcome.alerts();
    }
    assertThat(history.toString().trim())
        .isEqualTo("INACTIVE->PENDING PENDING->INACTIVE INACTIVE->PENDING PENDING->INACTIVE"
            + " INACTIVE->PENDING PENDING->INACTIVE");
    assertThat(state).isEmpty();
  }

  @Test
  void eachSeriesIsItsOwnAlert() {
    AlertingRuleSpec rule = rule(Duration.ZERO, null);
    EvaluationOutcome both =
        evaluation.next(rule, Map.of(), List.of(sample("a", 1), sample("b", 2)), T0);
    assertThat(both.alerts()).hasSize(2);
    EvaluationOutcome onlyB =
        evaluation.next(rule, both.alerts(), List.of(sample("b", 3)), at(Duration.ofMinutes(1)));
    assertThat(onlyB.alerts().values())
        .extracting(a -> a.labels().get("instance"), ActiveAlert::state)
        .containsExactlyInAnyOrder(
            tuple("a", AlertState.INACTIVE),
            tuple("b", AlertState.FIRING));
  }

  @Test
  void samplesThatCollideOnceTheRuleLabelsApplyAreAnErrorAndChangeNothing() {
    AlertingRuleSpec rule =
        new AlertingRuleSpec("X", null, null, Map.of("instance", "all"), Map.of());
    assertThatThrownBy(
            () -> evaluation.next(rule, Map.of(), List.of(sample("a", 1), sample("b", 2)), T0))
        .isInstanceOf(AlertEvaluationException.class)
        .hasMessage("vector contains metrics with the same labelset after applying alert labels");

    // series that differ only by metric name collide too, as __name__ is dropped
    List<RuleResult> byName =
        List.of(
            new RuleResult(Map.of("__name__", "x", "job", "a"), 1),
            new RuleResult(Map.of("__name__", "y", "job", "a"), 1));
    assertThatThrownBy(() -> evaluation.next(rule(null, null), Map.of(), byName, T0))
        .isInstanceOf(AlertEvaluationException.class);
  }

  @Test
  void exceedingTheGroupLimitForgetsTheRulesAlertsResolvingTheFiringOnes() {
    AlertingRuleSpec rule = rule(Duration.ZERO, null);
    Map<Long, ActiveAlert> state =
        evaluation.next(rule, Map.of(), List.of(sample("a", 1)), T0, 2).alerts();
    Instant now = at(Duration.ofMinutes(1));
    List<RuleResult> three = List.of(sample("a", 1), sample("b", 1), sample("c", 1));

    assertThatThrownBy(() -> evaluation.next(rule, state, three, now, 2))
        .isInstanceOfSatisfying(AlertLimitExceededException.class, e -> {
          assertThat(e).hasMessage("exceeded limit of 2 with 3 alerts");
          assertThat(e.outcome().alerts().values())
              .singleElement()
              .satisfies(a -> assertThat(a.resolvedAt()).isEqualTo(now));
          assertThat(e.outcome().transitions())
              .extracting(Transition::from, Transition::to)
              .containsExactly(tuple(AlertState.FIRING, AlertState.INACTIVE));
        });
    assertThat(evaluation.next(rule, state, three, now, 3).alerts()).hasSize(3);
  }
}
