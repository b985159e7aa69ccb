package dev.vigil.query.alerting.rest;

import dev.vigil.state.alerting.AlertInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert now, as the API answers it.
 *
 * @param ruleKey {@code group:<group id>/<rule index>/<alert>} or {@code error:<error rule id>}
 * @param kind promql (a rule group's alerting rule) or error (an error rule)
 * @param fingerprint the hash of the labels as 16 hex digits (a JSON number would lose digits in JavaScript)
 * @param silencedBy the ids of the silences muting it now
 */
public record AlertJson(
    String ruleKey,
    String ruleName,
    String kind,
    String fingerprint,
    Map<String, String> labels,
    Map<String, String> annotations,
    String state,
    double value,
    Instant activeAt,
    Instant firedAt,
    Instant resolvedAt,
    Instant lastEvaluatedAt,
    List<Long> silencedBy) {

  static AlertJson of(AlertInstance a, List<Long> silencedBy) {
    return new AlertJson(
        a.ruleKey(), a.ruleName(), kind(a.ruleKey()), hex(a.fingerprint()), a.labels(), a.annotations(), a.state(), a.value(), a.activeAt(),
        a.firedAt(), a.resolvedAt(), a.lastEvaluatedAt(), silencedBy);
  }

  static String kind(String ruleKey) {
    return ruleKey.startsWith("error:") ? "error" : "promql";
  }

  static String hex(long fingerprint) {
    return String.format("%016x", fingerprint);
  }
}
