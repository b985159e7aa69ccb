package dev.vigil.alerting.rules;

import java.util.Map;

/** One rule of a Prometheus rule group: an alerting rule or a recording rule. */
public sealed interface Rule permits AlertingRule, RecordingRule {

  /** The alert name or the recorded metric name. */
  String name();

  /** The PromQL expression, as written. */
  String expr();

  /** Labels added to (or overriding) the expression's result labels. */
  Map<String, String> labels();
}
