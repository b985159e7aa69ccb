package dev.vigil.alert.rules;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alerting.state.Templater;
import dev.vigil.alerting.templates.AlertTemplates;
import dev.vigil.alerting.templates.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Expands alert labels and annotations with Prometheus's template data ({@code $labels}, {@code $value}, {@code $externalURL}). */
@ApplicationScoped
class RuleTemplater implements Templater {

  private final String externalUrl;

  RuleTemplater(AlertingConfig config) {
    this.externalUrl = config.externalUrl();
  }

  @Override
  public String expand(String text, Map<String, String> labels, double value) {
    return AlertTemplates.expand(text, new TemplateData(labels, value, Map.of(), externalUrl));
  }
}
