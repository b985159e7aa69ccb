package dev.vigil.state.alerting.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * One alert's persisted state (a row of alert_instances). {@code state} is pending, firing or resolved;
 * {@code ruleKey} is {@code group:<id>} or {@code error:<id>}.
 */
public record StoredAlert(
    String ruleKey,
    long fingerprint,
    long projectId,
    String ruleName,
    Map<String, String> labels,
    Map<String, String> annotations,
    String state,
    double value,
    Instant activeAt,
    Instant firedAt,
    Instant resolvedAt,
    Instant keepFiringSince,
    Instant lastEvaluatedAt) {

  public StoredAlert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
