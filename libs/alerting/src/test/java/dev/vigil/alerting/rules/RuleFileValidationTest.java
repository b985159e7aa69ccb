package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every check promtool makes on a rule file, with its wording: rule problems name group, rule number
 * and name, prefixed by the YAML position promtool 2.42 prints for the same input (promtool's
 * {@code 0:0:} for an absent field is left out).
 */
class RuleFileValidationTest {

  static List<String> errors(String yaml) {
    RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleFiles.parse(yaml));
    assertThat(e).as("expected the file to be rejected").isNotNull();
    return e.getErrors();
  }

  private static String oneRule(String rule) {
    return "groups:\n  - name: api\n    rules:\n" + rule.indent(6);
  }

  @Test
  void groupNamesMustBeSetAndUnique() {
    assertThat(errors("""
        groups:
          - name: api
            rules: []
          - name: api
            rules: []
          - rules: []
        """)).containsExactly(
        "4:5: groupname: \"api\" is repeated in the same file",
        "6:5: Groupname must not be empty");
  }

  @Test
  void exactlyOneOfAlertAndRecord() {
    assertThat(errors(oneRule("- alert: A\n  record: b\n  expr: up"))).containsExactly(
        "5:17: 4:16: group \"api\", rule 1, \"A\": only one of 'record' and 'alert' must be set");
    assertThat(errors(oneRule("- expr: up"))).containsExactly(
        "group \"api\", rule 1, \"\": one of 'record' or 'alert' must be set");
  }

  @Test
  void exprMustBeSetAndParse() {
    assertThat(errors(oneRule("- alert: A\n  expr: \"\"\n- alert: B"))).containsExactly(
        "5:15: group \"api\", rule 1, \"A\": field 'expr' must be set in rule",
        "group \"api\", rule 2, \"B\": field 'expr' must be set in rule");
    assertThat(errors(oneRule("- alert: Up\n  expr: up\n- alert: HighErrorRate\n  expr: rate(x[5m]) >"))).singleElement()
        .asString().startsWith("7:15: group \"api\", rule 2, \"HighErrorRate\": could not parse expression: 1:14: parse error: ");
  }

  @Test
  void recordingRulesHaveNoForNorAnnotationsAndAValidName() {
    assertThat(errors(oneRule("""
        - record: "rate{job}"
          expr: rate(x[5m])
          for: 5m
          keep_firing_for: 1m
          annotations: {summary: s}
        """))).containsExactly(
        "4:17: group \"api\", rule 1, \"rate{job}\": invalid field 'annotations' in recording rule",
        "4:17: group \"api\", rule 1, \"rate{job}\": invalid field 'for' in recording rule",
        "4:17: group \"api\", rule 1, \"rate{job}\": invalid field 'keep_firing_for' in recording rule",
        "4:17: group \"api\", rule 1, \"rate{job}\": invalid recording rule name: rate{job}");
    assertThat(errors(oneRule("- record: 1abc\n  expr: up"))).containsExactly(
        "4:17: group \"api\", rule 1, \"1abc\": invalid recording rule name: 1abc");
  }

  @Test
  void labelAndAnnotationNamesMustBeValid() {
    assertThat(errors(oneRule("""
        - alert: A
          expr: up
          labels: {__name__: x, bad-label: y, ok_label: z}
          annotations: {"has space": s, fine: f}
        """))).containsExactly(
        "group \"api\", rule 1, \"A\": invalid label name: __name__",
        "group \"api\", rule 1, \"A\": invalid label name: bad-label",
        "group \"api\", rule 1, \"A\": invalid annotation name: has space");
  }

  @Test
  void alertTemplatesMustParse() {
    assertThat(errors(oneRule("""
        - alert: HighErrorRate
          expr: up
          labels: {severity: "{{ if }}critical{{ end }}"}
          annotations:
            summary: "{{ $value | humanise }}"
            description: "{{ $labels.job"
        """))).containsExactly(
        "group \"api\", rule 1, \"HighErrorRate\": label \"severity\": template: __alert_HighErrorRate:1:7: missing value for if",
        "group \"api\", rule 1, \"HighErrorRate\": annotation \"description\": template: __alert_HighErrorRate:1:15: unclosed action",
        "group \"api\", rule 1, \"HighErrorRate\": annotation \"summary\": template: __alert_HighErrorRate:1:13: function \"humanise\" not defined");
  }

  @Test
  void recordingRuleLabelsAreNotTemplates() throws Exception {
    assertThat(RuleFiles.parse(oneRule("- record: a:b\n  expr: up\n  labels: {x: \"{{ nonsense\"}"))).hasSize(1);
  }

  @Test
  void unknownFieldsAreRejectedAsWithStrictYaml() {
    assertThat(errors("""
        groups:
          - name: api
            evaluation_interval: 1m
            rules:
              - alert: A
                expr: up
                severity: page
        extra: true
        """)).containsExactly(
        "8:1: unknown field \"extra\"",
        "3:5: group \"api\": unknown field \"evaluation_interval\"",
        "7:9: group \"api\", rule 1, \"A\": unknown field \"severity\"");
  }

  @Test
  void valuesOfTheWrongKindAreRejected() {
    assertThat(errors("""
        groups:
          - name: api
            limit: lots
            rules:
              - alert: A
                expr: [up]
                labels: [a, b]
                annotations: {summary: [x]}
          - name: other
            rules: up
        """)).containsExactly(
        "3:12: group \"api\": limit: the value \"lots\" is not an integer",
        "6:15: group \"api\", rule 1, \"A\": expr must be a string, not a list",
        "7:17: group \"api\", rule 1, \"A\": labels must be a mapping, not a list",
        "8:32: group \"api\", rule 1, \"A\": annotations.summary must be a string, not a list",
        "10:12: group \"other\": rules must be a list, not the value \"up\"");
    assertThat(errors("groups: {name: api}")).containsExactly("1:9: groups must be a list, not a mapping");
    assertThat(errors("- name: api")).containsExactly("1:1: a rule file must be a mapping, not a list");
  }

  @Test
  void durationsMustBePrometheusDurations() {
    assertThat(errors("""
        groups:
          - name: api
            interval: 1m30
            rules:
              - alert: A
                expr: up
                for: 300
                keep_firing_for: ""
        """)).containsExactly(
        "3:15: group \"api\": interval: not a valid duration string: \"1m30\"",
        "7:14: group \"api\", rule 1, \"A\": for: not a valid duration string: \"300\"",
        "8:26: group \"api\", rule 1, \"A\": keep_firing_for: empty duration string");
  }

  @Test
  void keysMayNotRepeatInOneMapping() {
    assertThat(errors(oneRule("- alert: A\n  alert: B\n  expr: up"))).containsExactly(
        "5:9: mapping key \"alert\" already defined at line 4");
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() {
    assertThat(errors("groups:\n  - name: api\n    rules: [\n")).singleElement().asString().startsWith("4:1: ");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleFiles.parse(oneRule("""
        - alert: A
          expr: up ==
        - record: r
          expr: up
          for: 1m
        """)));

    assertThat(e.getErrors()).hasSize(2);
    assertThat(e.getErrors().get(0)).startsWith("5:15: group \"api\", rule 1, \"A\": could not parse expression: 1:6: parse error: ");
    assertThat(e.getErrors().get(1)).isEqualTo("6:17: group \"api\", rule 2, \"r\": invalid field 'for' in recording rule");
    assertThat(e.getMessage()).startsWith("2 problems: 5:15: group \"api\", rule 1, \"A\": could not parse expression");
  }
}
