package dev.vigil.query.alerting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.alerting.RuleGroupDocuments;
import dev.vigil.state.alerting.AlertRuleGroup;
import java.time.Instant;

/**
 * A rule group as the API answers it: the rule file's fields ({@code name, interval, limit, rules}) plus
 * where it lives, its version for optimistic updates, and what the evaluator last said about it. Each
 * rule carries the group's health, as the evaluator reports per group.
 *
 * @param health ok, err (the last evaluation failed: see lastError) or unknown (not evaluated yet)
 */
public record RuleGroupJson(
    long id,
    String namespace,
    String name,
    String interval,
    int limit,
    JsonNode rules,
    int version,
    Instant createdAt,
    Instant updatedAt,
    String health,
    Instant lastEvaluationAt,
    Integer lastEvaluationMs,
    String lastError) {

  static RuleGroupJson of(AlertRuleGroup g) {
    String health = health(g);
    JsonNode rules = RuleGroupDocuments.rules(g);
    for (JsonNode rule : rules) {
      ((ObjectNode) rule).put("health", health);
      ((ObjectNode) rule).put("lastError", g.lastError());
    }
    return new RuleGroupJson(
        g.id(), g.namespace(), g.name(), RuleGroupDocuments.interval(g), g.limit(), rules, g.version(), g.createdAt(), g.updatedAt(), health,
        g.lastEvaluationAt(), g.lastEvaluationMs(), g.lastError());
  }

  static String health(AlertRuleGroup g) {
    if (g.lastEvaluationAt() == null) {
      return "unknown";
    }
    return g.lastError() == null ? "ok" : "err";
  }
}
