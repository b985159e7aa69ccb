package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {

  static String fixture(String name) throws IOException {
    try (InputStream in = RuleFilesTest.class.getResourceAsStream("/rules/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsATeamsRuleFile() throws Exception {
    List<RuleGroup> groups = RuleFiles.parse(fixture("rules.yml"));

    assertThat(groups).extracting(RuleGroup::name).containsExactly("api-availability", "queue-backlog", "rate-limits");
    assertThat(groups).extracting(RuleGroup::interval).containsExactly(Duration.ofSeconds(30), null, Duration.ofMinutes(1));
    assertThat(groups).extracting(RuleGroup::limit).containsExactly(0, 0, 100);
    assertThat(groups.get(0).rules()).hasSize(6);

    RecordingRule ratio = (RecordingRule) groups.get(0).rules().get(1);
    assertThat(ratio.record()).isEqualTo("job:http_requests_errors:ratio_rate5m");
    assertThat(ratio.expr()).isEqualTo("sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n  /\n"
        + "sum by (job) (rate(http_requests_total[5m]))\n");
    assertThat(ratio.labels()).containsExactly(Map.entry("slo", "availability"));

    RecordingRule folded = (RecordingRule) groups.get(0).rules().get(2);
    assertThat(folded.expr()).isEqualTo("sum by (job) (rate(http_requests_total{code=~\"5..\"}[1h])) "
        + "/ sum by (job) (rate(http_requests_total[1h]))");

    AlertingRule latency = (AlertingRule) groups.get(0).rules().get(4);
    assertThat(latency.alert()).isEqualTo("APIHighLatency");
    assertThat(latency.forDuration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(latency.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(latency.labels()).containsEntry("severity", "{{ if gt $value 2.0 }}critical{{ else }}warning{{ end }}");

    AlertingRule deadLetters = (AlertingRule) groups.get(1).rules().get(2);
    assertThat(deadLetters.expr()).isEqualTo("rabbitmq_queue_messages{queue=~\".+\\\\.dlq\"} > 0");
    assertThat(deadLetters.forDuration()).isZero();
    assertThat(deadLetters.labels()).isEmpty();
  }

  @Test
  void renderedFileReadsBackAsEqualGroups() throws Exception {
    List<RuleGroup> groups = RuleFiles.parse(fixture("rules.yml"));

    String rendered = RuleFiles.render(groups);

    assertThat(RuleFiles.parse(rendered)).isEqualTo(groups);
    assertThat(RuleFiles.render(RuleFiles.parse(rendered))).isEqualTo(rendered);
  }

  @Test
  void renderedFileIsAcceptedByPromtool(@TempDir Path dir) throws Exception {
    assumeTrue(promtoolInstalled(), "promtool (Debian package prometheus) is not installed");
    List<RuleGroup> groups = new ArrayList<>(RuleFiles.parse(fixture("rules.yml")));
    groups.add(awkwardGroup());
    Path file = dir.resolve("rendered.yml");
    Files.writeString(file, RuleFiles.render(groups));

    Process check = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS: 14 rules found");
  }

  /** A group whose strings YAML could misread (booleans, numbers, comments, block scalars, ...). */
  static RuleGroup awkwardGroup() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("yes", "yes");
    labels.put("boolean", "true");
    labels.put("number", "1.50");
    labels.put("hex", "0x10");
    labels.put("empty", "");
    labels.put("tilde", "~");
    labels.put("null_word", "null");
    labels.put("comment", "#not a comment");
    labels.put("colon", "a: b");
    labels.put("spaces", "  padded  ");
    labels.put("quotes", "it's \"quoted\"");
    labels.put("unicode", "Zürich → 東京");
    labels.put("template", "{{ $labels.instance }}");
    Map<String, String> annotations = Map.of(
        "multiline", "first line\n  indented\nlast\n",
        "no_final_newline", "a\nb",
        "trailing_spaces", "line with trailing spaces   \nnext",
        "tab", "a\tb",
        "leading_newline", "\nstarts on line two");
    return new RuleGroup("odd-values", Duration.ofMillis(90_500), 7, List.of(
        new AlertingRule("Odd", "vector(1) > bool 0", Duration.ofDays(1), Duration.ZERO, labels, annotations),
        new RecordingRule("a:b", "1", Map.of("number", "010"))));
  }

  @Test
  void roundTripKeepsStringsThatLookLikeOtherYamlValues() throws Exception {
    RuleGroup group = awkwardGroup();

    List<RuleGroup> back = RuleFiles.parse(RuleFiles.render(List.of(group)));

    assertThat(back).containsExactly(group);
  }

  @Test
  void aFileWithoutGroupsIsValid() throws Exception {
    assertThat(RuleFiles.parse("")).isEmpty();
    assertThat(RuleFiles.parse("groups:\n")).isEmpty();
    assertThat(RuleFiles.parse("groups: []\n")).isEmpty();
    assertThat(RuleFiles.render(List.of())).isEqualTo("groups: []\n");
  }

  @Test
  void scalarsReadAsWrittenAndNullAsEmpty() throws Exception {
    List<RuleGroup> groups = RuleFiles.parse("""
        groups:
          - name: g
            rules:
              - alert: A
                expr: 5
                labels: {a: yes, b: 1.50, c: ~, d: 0x10, e: True}
        """);

    AlertingRule rule = (AlertingRule) groups.get(0).rules().get(0);
    assertThat(rule.expr()).isEqualTo("5");
    assertThat(rule.labels()).containsExactly(
        Map.entry("a", "yes"), Map.entry("b", "1.50"), Map.entry("c", ""), Map.entry("d", "0x10"), Map.entry("e", "True"));
  }

  @Test
  void groupLabelsApplyToEveryRuleAndRuleLabelsWin() throws Exception {
    List<RuleGroup> groups = RuleFiles.parse("""
        groups:
          - name: g
            query_offset: 30s
            labels: {team: payments, severity: warning}
            rules:
              - alert: A
                expr: up == 0
                labels: {severity: critical}
              - record: job:up:sum
                expr: sum by (job) (up)
        """);

    RuleGroup group = groups.get(0);
    assertThat(group.queryOffset()).isEqualTo(Duration.ofSeconds(30));
    assertThat(group.rules().get(0).labels()).containsExactly(Map.entry("severity", "critical"), Map.entry("team", "payments"));
    assertThat(group.rules().get(1).labels()).containsExactly(Map.entry("severity", "warning"), Map.entry("team", "payments"));
    assertThat(RuleFiles.parse(RuleFiles.render(groups))).isEqualTo(groups);
  }

  @Test
  void anchorsAliasesAndMergeKeysResolveAsInPrometheus() throws Exception {
    List<RuleGroup> groups = RuleFiles.parse("""
        groups:
          - name: g
            rules:
              - alert: A
                expr: up == 0
                labels: &common {severity: page, team: infra}
              - alert: B
                expr: up == 1
                labels:
                  <<: *common
                  severity: low
        """);

    assertThat(groups.get(0).rules().get(1).labels()).containsExactly(Map.entry("severity", "low"), Map.entry("team", "infra"));
  }

  @Test
  void zeroIntervalMeansTheDefault() throws Exception {
    RuleGroup group = RuleFiles.parse("groups: [{name: g, interval: 0s, rules: []}]").get(0);

    assertThat(group.interval()).isNull();
    assertThat(RuleFiles.render(List.of(group))).doesNotContain("interval");
  }

  static boolean promtoolInstalled() {
    try {
      Process p = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
