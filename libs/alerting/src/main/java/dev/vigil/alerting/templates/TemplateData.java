package dev.vigil.alerting.templates;

import java.util.Map;

/**
 * What an alert template sees: the alert's labels ({@code $labels}, {@code .Labels}), the value of
 * the sample that triggered it ({@code $value}), the server's external labels and URL. Null maps
 * read as empty.
 */
public record TemplateData(Map<String, String> labels, double value, Map<String, String> externalLabels, String externalUrl) {

  public TemplateData {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    externalLabels = externalLabels == null ? Map.of() : Map.copyOf(externalLabels);
  }
}
