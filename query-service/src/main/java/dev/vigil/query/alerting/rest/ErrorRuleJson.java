package dev.vigil.query.alerting.rest;

import dev.vigil.state.alerting.ErrorAlertRule;
import java.time.Instant;
import java.util.Map;

/** An error rule as the API answers it. */
public record ErrorRuleJson(
    long id,
    String name,
    String trigger,
    int threshold,
    int windowSeconds,
    String environment,
    String minLevel,
    Map<String, String> labels,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    Instant lastEvaluationAt,
    String lastError) {

  static ErrorRuleJson of(ErrorAlertRule r) {
    return new ErrorRuleJson(
        r.id(), r.name(), r.trigger(), r.threshold(), r.windowSeconds(), r.environment(), r.minLevel(), r.labels(), r.enabled(), r.createdAt(),
        r.updatedAt(), r.lastEvaluationAt(), r.lastError());
  }
}
