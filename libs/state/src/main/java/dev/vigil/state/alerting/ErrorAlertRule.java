package dev.vigil.state.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * A stored error rule of a project.
 *
 * @param trigger new_issue, regression, frequency (an issue seen at least threshold times in the window) or
 *     volume (the project's events in the window)
 * @param environment only events of this environment, or null for all
 * @param minLevel only events at least this level (debug &lt; info &lt; warning &lt; error &lt; fatal), or null
 * @param labels added to the alerts the rule raises (severity, team, ...)
 */
public record ErrorAlertRule(
    long id,
    long projectId,
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
    String lastError) {}
