package dev.vigil.state.alerting;

/**
 * What a rule group is made of when created, replaced or imported.
 *
 * @param intervalSeconds null for the default evaluation interval
 * @param rulesJson the rules as a JSON array in the rule file's shape
 */
public record RuleGroupSpec(String namespace, String name, Integer intervalSeconds, int limit, String rulesJson) {}
