package dev.vigil.state.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * An alert a rule produced, as the evaluator last stored it.
 *
 * @param ruleKey {@code group:<group id>/<rule index>/<alert name>} for a PromQL rule, {@code error:<rule id>} for an error rule
 * @param fingerprint the hash of the alert's labels (alertname included)
 * @param state pending, firing or resolved
 */
public record AlertInstance(
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
    Instant lastEvaluatedAt) {}
