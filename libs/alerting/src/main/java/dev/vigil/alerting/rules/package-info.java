/**
 * Prometheus rule files: groups of alerting and recording rules, read and checked as {@code promtool
 * check rules} does, written back as YAML, and the JSON shape of a group for the API and storage.
 * Entry point: {@link dev.vigil.alerting.rules.RuleFiles}.
 */
package dev.vigil.alerting.rules;
