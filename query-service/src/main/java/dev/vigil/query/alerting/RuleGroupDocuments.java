package dev.vigil.query.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.rules.PromDurations;
import dev.vigil.alerting.rules.RuleFileException;
import dev.vigil.alerting.rules.RuleFiles;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.alerting.AlertRuleGroup;
import dev.vigil.state.alerting.RuleGroupSpec;
import dev.vigil.state.alerting.RuleGroupSpecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule groups between their three forms: a Prometheus rule file (YAML), one group as JSON (the API), and
 * the stored row. Everything stored went through libs/alerting's checks, which are promtool's.
 */
public final class RuleGroupDocuments {

  /** Where groups created in the UI live. */
  public static final String UI_NAMESPACE = "vigil";

  /** A namespace is a rule file's name: it appears in URLs, so only characters that need no escaping. */
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleGroupDocuments() {}

  /** The namespace of a request, or 400. */
  public static String namespace(String namespace) {
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      throw ApiException.badRequest(
          "a namespace (rule file name) is 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return namespace;
  }

  /** The groups of a rule file, or {@link InvalidRulesException} with every problem promtool would report. */
  public static List<RuleGroupSpec> fromFile(String namespace, String yaml) {
    List<RuleGroup> groups;
    try {
      groups = RuleFiles.parse(yaml == null ? "" : yaml);
    } catch (RuleFileException e) {
      throw invalid("the rule file " + namespace, e);
    }
    List<String> errors = new ArrayList<>();
    List<RuleGroupSpec> specs = new ArrayList<>();
    for (RuleGroup g : groups) {
      specs.add(spec(namespace, g, errors));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRulesException("the rule file " + namespace + " has " + count(errors), errors);
    }
    return specs;
  }

  /** One group sent as JSON ({@code name, interval, limit, rules}); fields of the request itself must be removed first. */
  public static RuleGroupSpec fromJson(String namespace, ObjectNode group) {
    RuleGroup parsed;
    try {
      parsed = RuleFiles.parseGroupJson(group.toString());
    } catch (RuleFileException e) {
      throw invalid("the rule group", e);
    }
    List<String> errors = new ArrayList<>();
    RuleGroupSpec spec = spec(namespace, parsed, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRulesException("the rule group has " + count(errors), errors);
    }
    return spec;
  }

  /** A stored group as libs/alerting's model. */
  public static RuleGroup toRuleGroup(AlertRuleGroup stored) {
    ObjectNode json = JSON.createObjectNode();
    json.put("name", stored.name());
    json.put("interval", interval(stored));
    json.put("limit", stored.limit());
    json.set("rules", rules(stored));
    try {
      return RuleFiles.parseGroupJson(json.toString());
    } catch (RuleFileException e) {
      throw new IllegalStateException("stored rule group " + stored.id() + " no longer parses: " + e.getMessage(), e);
    }
  }

  /** A rule file holding the stored groups, in their order. */
  public static String render(List<AlertRuleGroup> groups) {
    return RuleFiles.render(groups.stream().map(RuleGroupDocuments::toRuleGroup).toList());
  }

  /** The group's interval as a Prometheus duration ({@code 1m30s}), or null for the default. */
  public static String interval(AlertRuleGroup stored) {
    return stored.intervalSeconds() == null ? null : PromDurations.format(Duration.ofSeconds(stored.intervalSeconds()));
  }

  /** The stored rules as a JSON array. */
  public static JsonNode rules(AlertRuleGroup stored) {
    try {
      return JSON.readTree(stored.rulesJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored rules of group " + stored.id() + " are not JSON", e);
    }
  }

  private static RuleGroupSpec spec(String namespace, RuleGroup g, List<String> errors) {
    return RuleGroupSpecs.of(namespace, g, errors);
  }

  private static InvalidRulesException invalid(String what, RuleFileException e) {
    return new InvalidRulesException(what + " has " + count(e.getErrors()) + ": " + e.getErrors().get(0), e.getErrors());
  }

  private static String count(List<String> errors) {
    return errors.size() == 1 ? "a problem" : errors.size() + " problems";
  }
}
