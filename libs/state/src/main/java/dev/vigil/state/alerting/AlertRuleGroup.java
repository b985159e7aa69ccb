package dev.vigil.state.alerting;

import java.time.Instant;

/**
 * A stored Prometheus rule group of a project, with what the evaluator last reported about it.
 *
 * @param namespace the rule file it came from; groups created in the UI live in {@code vigil}
 * @param intervalSeconds null for the default evaluation interval
 * @param limit at most this many alerts (or series) per rule, 0 for no limit
 * @param rulesJson the rules as a JSON array in the rule file's shape (alert|record, expr, for, ...)
 */
public record AlertRuleGroup(
    long id,
    long projectId,
    String namespace,
    String name,
    Integer intervalSeconds,
    int limit,
    String rulesJson,
    int version,
    Instant createdAt,
    Instant updatedAt,
    Instant lastEvaluationAt,
    Integer lastEvaluationMs,
    String lastError) {}
