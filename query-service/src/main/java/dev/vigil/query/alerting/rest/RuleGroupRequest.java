package dev.vigil.query.alerting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.alerting.RuleGroupDocuments;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.alerting.RuleGroupSpec;
import java.util.List;

/**
 * The body of a rule group create or update: a group in the rule file's JSON shape, optionally with the
 * {@code namespace} to keep it in and the {@code basedOnVersion} it was edited from. The fields the API
 * answers with (id, health, ...) are ignored, so a client may send back what it read.
 */
record RuleGroupRequest(String namespace, RuleGroupSpec spec, Integer basedOnVersion) {

  private static final List<String> GROUP_ANSWER_FIELDS =
      List.of("id", "namespace", "version", "basedOnVersion", "createdAt", "updatedAt", "health", "lastEvaluationAt", "lastEvaluationMs", "lastError");
  private static final List<String> RULE_ANSWER_FIELDS = List.of("health", "lastError");

  /** The request; {@code namespace} is used when the body names none (null: the caller decides later). */
  static RuleGroupRequest parse(JsonNode body, String defaultNamespace) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("a JSON object with the group's name and rules is required");
    }
    ObjectNode group = ((ObjectNode) body).deepCopy();
    String namespace = defaultNamespace;
    JsonNode ns = group.get("namespace");
    if (ns != null && !ns.isNull()) {
      namespace = RuleGroupDocuments.namespace(ns.isTextual() ? ns.asText() : null);
    }
    Integer basedOn = version(group.get("basedOnVersion"));
    if (basedOn == null) {
      basedOn = version(group.get("version"));
    }
    group.remove(GROUP_ANSWER_FIELDS);
    JsonNode rules = group.get("rules");
    if (rules != null && rules.isArray()) {
      for (JsonNode rule : rules) {
        if (rule.isObject()) {
          ((ObjectNode) rule).remove(RULE_ANSWER_FIELDS);
        }
      }
    }
    String target = namespace == null ? RuleGroupDocuments.UI_NAMESPACE : namespace;
    return new RuleGroupRequest(namespace, RuleGroupDocuments.fromJson(target, group), basedOn);
  }

  /** The same group kept in another namespace. */
  RuleGroupSpec in(String namespace) {
    return new RuleGroupSpec(namespace, spec.name(), spec.intervalSeconds(), spec.limit(), spec.rulesJson());
  }

  private static Integer version(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
      throw ApiException.badRequest("basedOnVersion must be the positive whole number the group was read with");
    }
    return v.asInt();
  }
}
