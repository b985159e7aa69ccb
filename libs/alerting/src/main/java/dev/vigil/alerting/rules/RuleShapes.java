package dev.vigil.alerting.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group as ordered maps with the rule-file field names. The file shape leaves out defaults as
 * Prometheus does when it writes rules; the JSON shape (API and JSONB) always has every field of
 * the rule's kind so that readers need no defaults.
 */
final class RuleShapes {

  private RuleShapes() {}

  static Map<String, Object> group(RuleGroup group, boolean everyField) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", group.name());
    if (group.interval() != null || everyField) {
      out.put("interval", group.interval() == null ? null : PromDurations.format(group.interval()));
    }
    if (group.queryOffset() != null) {
      out.put("query_offset", PromDurations.format(group.queryOffset()));
    }
    if (group.limit() != 0 || everyField) {
      out.put("limit", group.limit());
    }
    List<Object> rules = new ArrayList<>();
    for (Rule rule : group.rules()) {
      rules.add(rule(rule, everyField));
    }
    out.put("rules", rules);
    return out;
  }

  private static Map<String, Object> rule(Rule rule, boolean everyField) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (rule instanceof AlertingRule alerting) {
      out.put("alert", alerting.alert());
      out.put("expr", alerting.expr());
      if (!alerting.forDuration().isZero() || everyField) {
        out.put("for", PromDurations.format(alerting.forDuration()));
      }
      if (!alerting.keepFiringFor().isZero() || everyField) {
        out.put("keep_firing_for", PromDurations.format(alerting.keepFiringFor()));
      }
      putMap(out, "labels", alerting.labels(), everyField);
      putMap(out, "annotations", alerting.annotations(), everyField);
    } else {
      RecordingRule recording = (RecordingRule) rule;
      out.put("record", recording.record());
      out.put("expr", recording.expr());
      putMap(out, "labels", recording.labels(), everyField);
    }
    return out;
  }

  private static void putMap(Map<String, Object> out, String field, Map<String, String> map, boolean everyField) {
    if (!map.isEmpty() || everyField) {
      out.put(field, new LinkedHashMap<>(map));
    }
  }
}
