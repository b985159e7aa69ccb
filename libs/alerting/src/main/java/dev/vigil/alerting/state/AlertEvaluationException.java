package dev.vigil.alerting.state;

/**
 * An alerting rule's result cannot become alerts; the message is Prometheus's wording, shown as the
 * rule's last error. The previous alerts stay as they were unless {@link AlertLimitExceededException}
 * says otherwise.
 */
public class AlertEvaluationException extends RuntimeException {

  public AlertEvaluationException(String message) {
    super(message);
  }
}
