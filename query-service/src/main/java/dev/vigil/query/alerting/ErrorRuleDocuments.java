package dev.vigil.query.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.alerting.ErrorRuleSpec;
import java.util.List;
import java.util.Map;

/**
 * The body of an error rule create or update, checked: {@code name}, {@code trigger} (new_issue,
 * regression, frequency, volume), {@code threshold} and {@code windowSeconds} (for frequency and volume:
 * at least threshold events in the window; the common default is 1 in 60 s), {@code environment},
 * {@code minLevel}, {@code labels} and {@code enabled}.
 */
public final class ErrorRuleDocuments {

  public static final List<String> TRIGGERS = List.of("new_issue", "regression", "frequency", "volume");
  public static final List<String> LEVELS = List.of("debug", "info", "warning", "error", "fatal");

  /** A week: longer windows would need counts the event store keeps only summarized. */
  static final int MAX_WINDOW_SECONDS = 7 * 24 * 3600;

  private ErrorRuleDocuments() {}

  public static ErrorRuleSpec parse(JsonNode body) {
    JsonFields.object(body, "error rule");
    String name = JsonFields.name(body, "name", 200);
    String trigger = JsonFields.text(body, "trigger", 20, null);
    if (!TRIGGERS.contains(trigger)) {
      throw ApiException.badRequest("trigger must be one of " + String.join(", ", TRIGGERS));
    }
    int threshold = JsonFields.integer(body, "threshold", 1, 1, 1_000_000_000);
    int window = JsonFields.integer(body, "windowSeconds", 60, 1, MAX_WINDOW_SECONDS);
    String environment = JsonFields.optionalText(body, "environment", 200);
    String minLevel = JsonFields.optionalText(body, "minLevel", 20);
    if (minLevel != null && !LEVELS.contains(minLevel)) {
      throw ApiException.badRequest("minLevel must be null or one of " + String.join(", ", LEVELS));
    }
    Map<String, String> labels = JsonFields.labels(body, "labels");
    if (labels.containsKey("alertname")) {
      throw ApiException.badRequest("labels: alertname is the rule's name and cannot be set as a label");
    }
    return new ErrorRuleSpec(name, trigger, threshold, window, environment, minLevel, labels, JsonFields.bool(body, "enabled", true));
  }
}
