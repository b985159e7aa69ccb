package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleGroupJsonTest {

  private static final RuleGroup GROUP = new RuleGroup("api", Duration.ofSeconds(30), 0, List.of(
      new RecordingRule("job:up:sum", "sum by (job) (up)", Map.of()),
      new AlertingRule("APIDown", "up{job=\"api\"} == 0", Duration.ofMinutes(5), Duration.ZERO,
          Map.of("severity", "critical"), Map.of("summary", "{{ $labels.instance }} is down"))));

  @Test
  void groupJsonUsesTheRuleFileFieldNamesWithEveryField() {
    assertThat(RuleFiles.groupJson(GROUP)).isEqualTo("{\"name\":\"api\",\"interval\":\"30s\",\"limit\":0,\"rules\":["
        + "{\"record\":\"job:up:sum\",\"expr\":\"sum by (job) (up)\",\"labels\":{}},"
        + "{\"alert\":\"APIDown\",\"expr\":\"up{job=\\\"api\\\"} == 0\",\"for\":\"5m\",\"keep_firing_for\":\"0s\","
        + "\"labels\":{\"severity\":\"critical\"},\"annotations\":{\"summary\":\"{{ $labels.instance }} is down\"}}]}");
  }

  @Test
  void defaultIntervalIsNull() {
    RuleGroup group = new RuleGroup("g", null, 0, List.of());

    assertThat(RuleFiles.groupJson(group)).isEqualTo("{\"name\":\"g\",\"interval\":null,\"limit\":0,\"rules\":[]}");
    assertThat(RuleFiles.groupMap(group)).containsEntry("interval", null);
  }

  @Test
  void parseGroupJsonReadsWhatGroupJsonWrites() throws Exception {
    assertThat(RuleFiles.parseGroupJson(RuleFiles.groupJson(GROUP))).isEqualTo(GROUP);
    assertThat(RuleFiles.parseGroupJson("{\"name\":\"g\",\"rules\":[{\"alert\":\"A\",\"expr\":\"up\"}]}"))
        .isEqualTo(new RuleGroup("g", null, 0,
            List.of(new AlertingRule("A", "up", Duration.ZERO, Duration.ZERO, Map.of(), Map.of()))));
  }

  @Test
  void parseGroupJsonChecksTheGroupAsARuleFileWould() {
    RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleFiles.parseGroupJson(
        "{\"name\":\"\",\"rules\":[{\"record\":\"r\",\"expr\":\"sum(\",\"annotations\":{\"a\":\"b\"}},{\"alert\":\"A\",\"expr\":\"up\",\"id\":1}]}"));

    assertThat(e.getErrors()).hasSize(4);
    assertThat(e.getErrors().get(0)).isEqualTo("1:99: group \"\", rule 2, \"A\": unknown field \"id\"");
    assertThat(e.getErrors().get(1)).isEqualTo("1:1: Groupname must not be empty");
    assertThat(e.getErrors().get(2)).startsWith("1:42: group \"\", rule 1, \"r\": could not parse expression: 1:5: parse error:");
    assertThat(e.getErrors().get(3)).isEqualTo("1:31: group \"\", rule 1, \"r\": invalid field 'annotations' in recording rule");
  }

  @Test
  void labelValuesMustBeValidUnicode() {
    RuleFileException e = catchThrowableOfType(RuleFileException.class, () -> RuleFiles.parseGroupJson(
        "{\"name\":\"g\",\"rules\":[{\"alert\":\"A\",\"expr\":\"up\",\"labels\":{\"broken\":\"\\ud800\"}}]}"));

    assertThat(e.getErrors()).containsExactly("group \"g\", rule 1, \"A\": invalid label value: \ud800");
  }

  @Test
  void parseGroupJsonRejectsWhatIsNotAGroup() {
    assertThat(catchThrowableOfType(RuleFileException.class, () -> RuleFiles.parseGroupJson("")).getErrors())
        .containsExactly("a rule group is required");
    assertThat(catchThrowableOfType(RuleFileException.class, () -> RuleFiles.parseGroupJson("[1]")).getErrors())
        .containsExactly("1:1: a rule group must be a mapping, not a list");
    assertThat(catchThrowableOfType(RuleFileException.class, () -> RuleFiles.parseGroupJson("{\"name\": ")).getErrors())
        .singleElement().asString().startsWith("1:");
  }
}
