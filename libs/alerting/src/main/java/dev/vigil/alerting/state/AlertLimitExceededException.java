package dev.vigil.alerting.state;

/**
 * The rule produced more pending and firing alerts than its group's {@code limit}. Prometheus then
 * forgets all of the rule's alerts; {@link #outcome()} is that state for Vigil, where firing alerts
 * are resolved (so receivers learn they stopped, as Alertmanager would tell them once they time out)
 * and pending ones dropped.
 */
public final class AlertLimitExceededException extends AlertEvaluationException {

  private final transient EvaluationOutcome outcome;

  AlertLimitExceededException(int limit, int active, EvaluationOutcome outcome) {
    super("exceeded limit of " + limit + " with " + active + " alerts");
    this.outcome = outcome;
  }

  /** The alerts and transitions to store instead of the evaluation's result. */
  public EvaluationOutcome outcome() {
    return outcome;
  }
}
