package dev.vigil.alerting.state;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule's alerts after one evaluation, keyed by fingerprint (pending, firing, and resolved ones
 * still within their retention), and every state change that evaluation made.
 */
public record EvaluationOutcome(Map<Long, ActiveAlert> alerts, List<Transition> transitions) {

  public EvaluationOutcome {
    alerts = Collections.unmodifiableSortedMap(new TreeMap<>(alerts));
    transitions = List.copyOf(transitions);
  }
}
