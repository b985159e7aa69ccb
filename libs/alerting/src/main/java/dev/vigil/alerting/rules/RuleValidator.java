package dev.vigil.alerting.rules;

import dev.vigil.alerting.rules.RuleDrafts.GroupDraft;
import dev.vigil.alerting.rules.RuleDrafts.RuleDraft;
import dev.vigil.alerting.templates.AlertTemplates;
import dev.vigil.alerting.templates.TemplateSyntaxException;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The checks Prometheus 2.x's rulefmt makes on decoded groups (legacy metric and label names), with
 * its messages: each rule problem is prefixed {@code group "g", rule N, "name": }, and by the YAML
 * position of the field at fault where promtool gives one.
 */
final class RuleValidator {

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final List<String> errors;

  RuleValidator(List<String> errors) {
    this.errors = errors;
  }

  /** Validates groups that share a file; group names must be unique within it. */
  List<RuleGroup> groups(List<GroupDraft> drafts) {
    Set<String> seen = new HashSet<>();
    List<RuleGroup> groups = new ArrayList<>();
    for (GroupDraft draft : drafts) {
      if (draft.name() != null && draft.name().isEmpty()) {
        errors.add(draft.node().position() + "Groupname must not be empty");
      }
      if (!seen.add(draft.name())) {
        errors.add(draft.node().position() + "groupname: " + SourceNode.quoted(draft.name()) + " is repeated in the same file");
      }
      groups.add(group(draft));
    }
    return groups;
  }

  /** Validates one group; its rules get the group's labels, their own labels winning. */
  RuleGroup group(GroupDraft draft) {
    String group = "group " + SourceNode.quoted(nonNull(draft.name()));
    checkLabels(draft.labels(), group + ": ");
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < draft.rules().size(); i++) {
      RuleDraft rule = draft.rules().get(i);
      Map<String, String> labels = new LinkedHashMap<>(draft.labels());
      labels.putAll(rule.labels());
      RuleDraft merged = new RuleDraft(rule.node(), rule.alert(), rule.alertNode(), rule.record(), rule.recordNode(),
          rule.expr(), rule.exprNode(), rule.forDuration(), rule.keepFiringFor(), labels, rule.annotations());
      rules.add(rule(merged, group + ", rule " + (i + 1) + ", " + SourceNode.quoted(rule.displayName()) + ": "));
    }
    return new RuleGroup(nonNull(draft.name()), draft.interval(), draft.limit(), rules, draft.queryOffset());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private Rule rule(RuleDraft r, String context) {
    boolean alerting = r.alert() != null && !r.alert().isEmpty();
    boolean recording = r.record() != null && !r.record().isEmpty();
    if (alerting && recording) {
      errors.add(position(r.recordNode()) + position(r.alertNode()) + context + "only one of 'record' and 'alert' must be set");
    } else if (!alerting && !recording && r.alert() != null && r.record() != null) {
      errors.add(context + "one of 'record' or 'alert' must be set");
    }
    if (r.expr() == null) {
      // unreadable, already reported
    } else if (r.expr().isEmpty()) {
      errors.add(position(r.exprNode()) + context + "field 'expr' must be set in rule");
    } else {
      try {
        Parser.parse(r.expr());
      } catch (ParseException e) {
        errors.add(position(r.exprNode()) + context + "could not parse expression: " + e.getMessage());
      }
    }
    if (recording) {
      String at = position(r.recordNode()) + context;
      if (!r.annotations().isEmpty()) {
        errors.add(at + "invalid field 'annotations' in recording rule");
      }
      if (r.forDuration() != null && !r.forDuration().isZero()) {
        errors.add(at + "invalid field 'for' in recording rule");
      }
      if (r.keepFiringFor() != null && !r.keepFiringFor().isZero()) {
        errors.add(at + "invalid field 'keep_firing_for' in recording rule");
      }
      if (!METRIC_NAME.matcher(r.record()).matches()) {
        errors.add(at + "invalid recording rule name: " + r.record());
      }
    }
    checkLabels(r.labels(), context);
    for (String name : new TreeMap<>(r.annotations()).keySet()) {
      if (!LABEL_NAME.matcher(name).matches()) {
        errors.add(context + "invalid annotation name: " + name);
      }
    }
    if (alerting) {
      checkTemplates(r.alert(), "label", r.labels(), context);
      checkTemplates(r.alert(), "annotation", r.annotations(), context);
      return new AlertingRule(r.alert(), nonNull(r.expr()), r.forDuration(), r.keepFiringFor(), r.labels(), r.annotations());
    }
    return new RecordingRule(nonNull(r.record()), nonNull(r.expr()), r.labels());
  }

  private void checkLabels(Map<String, String> labels, String context) {
    new TreeMap<>(labels).forEach((name, value) -> {
      if (!LABEL_NAME.matcher(name).matches() || name.equals("__name__")) {
        errors.add(context + "invalid label name: " + name);
      }
      if (!isValidUtf16(value)) {
        errors.add(context + "invalid label value: " + value);
      }
    });
  }

  private void checkTemplates(String alert, String kind, Map<String, String> texts, String context) {
    new TreeMap<>(texts).forEach((name, text) -> {
      try {
        AlertTemplates.check(text);
      } catch (TemplateSyntaxException e) {
        errors.add(context + kind + " " + SourceNode.quoted(name) + ": template: __alert_" + alert + ":" + e.getMessage());
      }
    });
  }

  private static String position(SourceNode node) {
    return node == null ? "" : node.position();
  }

  /** A label value must be valid UTF-8; a Java string is, unless it holds a lone surrogate. */
  private static boolean isValidUtf16(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
