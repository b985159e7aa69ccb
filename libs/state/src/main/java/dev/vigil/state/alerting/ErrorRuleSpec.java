package dev.vigil.state.alerting;

import java.util.Map;

/** What an error rule is made of when created or replaced; see {@link ErrorAlertRule}. */
public record ErrorRuleSpec(
    String name,
    String trigger,
    int threshold,
    int windowSeconds,
    String environment,
    String minLevel,
    Map<String, String> labels,
    boolean enabled) {}
