package dev.vigil.alerting.state;

import java.util.Map;

/**
 * Expands one label or annotation template for one result sample ({@code $labels}, {@code $value}).
 * alert-service adapts {@code dev.vigil.alerting.templates.AlertTemplates.expand} to it, adding the
 * external labels and URL; a failure may throw, the evaluation then shows the error in the text as
 * Prometheus does.
 */
@FunctionalInterface
public interface Templater {

  /** Leaves every text as written: for rules without templates and for tests. */
  Templater LITERAL = (text, labels, value) -> text;

  String expand(String text, Map<String, String> labels, double value);
}
