package dev.vigil.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Groups and rules as decoded from a file, before validation. Nodes are null where a field was
 * absent; strings are "" when absent and null when unreadable (already reported).
 */
final class RuleDrafts {

  private RuleDrafts() {}

  /** The name promtool's messages use: the alert name, else the record name (null: unreadable). */
  static String displayName(String alert, String record) {
    if (alert != null && !alert.isEmpty()) {
      return alert;
    }
    return record == null ? "" : record;
  }

  record GroupDraft(
      SourceNode node,
      String name,
      Duration interval,
      Duration queryOffset,
      int limit,
      Map<String, String> labels,
      List<RuleDraft> rules) {}

  record RuleDraft(
      SourceNode node,
      String alert,
      SourceNode alertNode,
      String record,
      SourceNode recordNode,
      String expr,
      SourceNode exprNode,
      Duration forDuration,
      Duration keepFiringFor,
      Map<String, String> labels,
      Map<String, String> annotations) {

    String displayName() {
      return RuleDrafts.displayName(alert, record);
    }
  }
}
