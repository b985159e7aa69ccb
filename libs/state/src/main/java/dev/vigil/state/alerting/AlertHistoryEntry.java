package dev.vigil.state.alerting;

import java.time.Instant;
import java.util.Map;

/** One state change of one alert ({@code from} and {@code to} are inactive, pending, firing or resolved). */
public record AlertHistoryEntry(
    long id, long projectId, String ruleKey, String ruleName, long fingerprint, Map<String, String> labels, String from, String to,
    double value, Instant at) {}
