package dev.vigil.alerting.rules;

import dev.vigil.alerting.rules.RuleDrafts.GroupDraft;
import dev.vigil.alerting.rules.RuleDrafts.RuleDraft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a source tree into group and rule drafts, reporting what Go's strict YAML decoding reports
 * for Prometheus: unknown fields, values of the wrong kind, bad durations and integers. A null value
 * reads as the field's zero value, and any scalar reads as a string, as with yaml.v3. A string field
 * that holds a list or mapping is reported here and left null, so that validation does not report
 * it a second time.
 */
final class RuleFileDecoder {

  private static final Set<String> FILE_FIELDS = Set.of("groups");
  private static final Set<String> GROUP_FIELDS = Set.of("name", "interval", "query_offset", "limit", "labels", "rules");
  private static final Set<String> RULE_FIELDS =
      Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");

  private final List<String> errors;

  RuleFileDecoder(List<String> errors) {
    this.errors = errors;
  }

  /** The groups of a rule file ({@code groups: [...]}); null or empty input has none. */
  List<GroupDraft> file(SourceNode root) {
    if (root == null || root.kind == SourceNode.Kind.NULL) {
      return List.of();
    }
    if (!expect(root, SourceNode.Kind.MAP, "", "a rule file")) {
      return List.of();
    }
    unknownFields(root, FILE_FIELDS, "");
    SourceNode.Entry groups = root.entries.get("groups");
    if (groups == null || groups.value().kind == SourceNode.Kind.NULL) {
      return List.of();
    }
    if (!expect(groups.value(), SourceNode.Kind.LIST, "", "groups")) {
      return List.of();
    }
    List<GroupDraft> drafts = new ArrayList<>();
    for (SourceNode item : groups.value().items) {
      GroupDraft draft = group(item);
      if (draft != null) {
        drafts.add(draft);
      }
    }
    return drafts;
  }

  /** One group (a list item of {@code groups}, or a group sent on its own as JSON). */
  GroupDraft group(SourceNode node) {
    if (node == null || !expect(node, SourceNode.Kind.MAP, "", "a rule group")) {
      return null;
    }
    String name = string(node, "name", "");
    String context = "group " + SourceNode.quoted(name == null ? "" : name);
    unknownFields(node, GROUP_FIELDS, context);
    Duration interval = duration(node, "interval", context);
    Duration queryOffset = duration(node, "query_offset", context);
    int limit = integer(node, "limit", context);
    Map<String, String> labels = stringMap(node, "labels", context);
    List<RuleDraft> rules = new ArrayList<>();
    SourceNode.Entry list = node.entries.get("rules");
    if (list != null && list.value().kind != SourceNode.Kind.NULL && expect(list.value(), SourceNode.Kind.LIST, context, "rules")) {
      for (int i = 0; i < list.value().items.size(); i++) {
        RuleDraft rule = rule(list.value().items.get(i), context + ", rule " + (i + 1));
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    return new GroupDraft(node, name, interval, queryOffset, limit, labels, rules);
  }

  private RuleDraft rule(SourceNode node, String context) {
    if (!expect(node, SourceNode.Kind.MAP, context, "a rule")) {
      return null;
    }
    String alert = string(node, "alert", context);
    String record = string(node, "record", context);
    String ruleContext = context + ", " + SourceNode.quoted(RuleDrafts.displayName(alert, record));
    unknownFields(node, RULE_FIELDS, ruleContext);
    return new RuleDraft(
        node,
        alert,
        valueNode(node, "alert"),
        record,
        valueNode(node, "record"),
        string(node, "expr", ruleContext),
        valueNode(node, "expr"),
        duration(node, "for", ruleContext),
        duration(node, "keep_firing_for", ruleContext),
        stringMap(node, "labels", ruleContext),
        stringMap(node, "annotations", ruleContext));
  }

  private void unknownFields(SourceNode node, Set<String> known, String context) {
    for (SourceNode.Entry entry : node.entries.values()) {
      if (!known.contains(entry.key())) {
        errors.add(entry.line() + ":" + entry.column() + ": " + prefix(context) + "unknown field " + SourceNode.quoted(entry.key()));
      }
    }
  }

  private static SourceNode valueNode(SourceNode node, String field) {
    SourceNode.Entry entry = node.entries.get(field);
    return entry == null ? null : entry.value();
  }

  /** The field's text; "" when absent or null; null when it is not a scalar (reported here). */
  private String string(SourceNode node, String field, String context) {
    SourceNode value = valueNode(node, field);
    if (value == null || value.kind == SourceNode.Kind.NULL) {
      return "";
    }
    return expect(value, SourceNode.Kind.SCALAR, context, field) ? value.text : null;
  }

  private Duration duration(SourceNode node, String field, String context) {
    SourceNode value = valueNode(node, field);
    if (value == null || !expect(value, SourceNode.Kind.SCALAR, context, field)) {
      return null;
    }
    try {
      return PromDurations.parse(value.text);
    } catch (IllegalArgumentException e) {
      errors.add(value.position() + prefix(context) + field + ": " + e.getMessage());
      return null;
    }
  }

  private int integer(SourceNode node, String field, String context) {
    SourceNode value = valueNode(node, field);
    if (value == null || !expect(value, SourceNode.Kind.SCALAR, context, field)) {
      return 0;
    }
    try {
      return Integer.parseInt(value.text.replace("_", ""));
    } catch (NumberFormatException e) {
      errors.add(value.position() + prefix(context) + field + ": " + value.describe() + " is not an integer");
      return 0;
    }
  }

  private Map<String, String> stringMap(SourceNode node, String field, String context) {
    Map<String, String> out = new LinkedHashMap<>();
    SourceNode value = valueNode(node, field);
    if (value == null || !expect(value, SourceNode.Kind.MAP, context, field)) {
      return out;
    }
    for (SourceNode.Entry entry : value.entries.values()) {
      SourceNode v = entry.value();
      if (v.kind == SourceNode.Kind.NULL || expect(v, SourceNode.Kind.SCALAR, context, field + "." + entry.key())) {
        out.put(entry.key(), v.text);
      }
    }
    return out;
  }

  private static String prefix(String context) {
    return context.isEmpty() ? "" : context + ": ";
  }

  /** True when the node has the kind (null counts as every kind's zero value); reports it otherwise. */
  private boolean expect(SourceNode node, SourceNode.Kind kind, String context, String what) {
    if (node.kind == kind) {
      return true;
    }
    if (node.kind == SourceNode.Kind.NULL) {
      return false;
    }
    String wanted = switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      default -> "a string";
    };
    errors.add(node.position() + prefix(context) + what + " must be " + wanted + ", not " + node.describe());
    return false;
  }
}
