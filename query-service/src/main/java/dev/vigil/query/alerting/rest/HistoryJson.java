package dev.vigil.query.alerting.rest;

import dev.vigil.state.alerting.AlertHistoryEntry;
import java.time.Instant;
import java.util.Map;

/** One state change of one alert; {@code from} and {@code to} are inactive, pending, firing or resolved. */
public record HistoryJson(
    long id, String ruleKey, String ruleName, String kind, String fingerprint, Map<String, String> labels, String from, String to, double value,
    Instant at) {

  static HistoryJson of(AlertHistoryEntry e) {
    return new HistoryJson(
        e.id(), e.ruleKey(), e.ruleName(), AlertJson.kind(e.ruleKey()), AlertJson.hex(e.fingerprint()), e.labels(), e.from(), e.to(), e.value(), e.at());
  }
}
