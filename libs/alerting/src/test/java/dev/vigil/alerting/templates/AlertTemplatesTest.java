package dev.vigil.alerting.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertTemplatesTest {

  private static final Map<String, String> LABELS = Map.of("alertname", "HighErrorRate", "job", "api", "instance", "web-1:9090");
  private static final TemplateData DATA =
      new TemplateData(LABELS, 0.1234, Map.of("cluster", "eu-1"), "https://vigil.example.com/prom");

  private static String expand(String template) {
    return AlertTemplates.expand(template, DATA);
  }

  @Test
  void readsLabelsValueAndExternalDataBothWays() {
    assertThat(expand("{{ $labels.instance }} of {{ .Labels.job }}")).isEqualTo("web-1:9090 of api");
    assertThat(expand("{{ $value }} / {{ .Value }}")).isEqualTo("0.1234 / 0.1234");
    assertThat(expand("{{ $externalLabels.cluster }} {{ .ExternalLabels.cluster }} {{ $externalURL }}"))
        .isEqualTo("eu-1 eu-1 https://vigil.example.com/prom");
    assertThat(expand("{{ externalURL }} {{ pathPrefix }}")).isEqualTo("https://vigil.example.com/prom /prom");
    assertThat(expand("[{{ $labels.missing }}]")).isEqualTo("[]");
  }

  @Test
  void pipesValuesIntoFunctions() {
    assertThat(expand("{{ $value | humanizePercentage }}")).isEqualTo("12.34%");
    assertThat(expand("{{ $value | humanize }}")).isEqualTo("123.4m");
    assertThat(expand("{{ $labels.job | toUpper | printf \"<%s>\" }}")).isEqualTo("<API>");
    assertThat(expand("{{ $value | printf \"%.1f\" | printf \"%s%%\" }}")).isEqualTo("0.1%");
    assertThat(expand("{{ title \"hello wORLD\" }} {{ toLower \"ABC\" }}")).isEqualTo("Hello WORLD abc");
  }

  @Test
  void printfFormatsAsGo() {
    assertThat(expand("{{ printf \"%s %d %f %.2f %v %q %%\" \"a\" 42 1.5 0.125 $value \"b\" }}"))
        .isEqualTo("a 42 1.500000 0.12 0.1234 \"b\" %");
    assertThat(expand("{{ printf \"%d\" $value }}")).isEqualTo("%!d(float64=0.1234)");
    assertThat(expand("{{ printf \"%.0f\" 2.5 }} {{ printf \"%.1f\" 0.15 }}")).isEqualTo("2 0.1");
  }

  @Test
  void conditionsCompareValuesOfTheSameKind() {
    String severity = "{{ if gt $value 0.5 }}critical{{ else if gt $value 0.1 }}warning{{ else }}info{{ end }}";
    assertThat(expand(severity)).isEqualTo("warning");
    assertThat(expand("{{ if and (eq $labels.job \"api\") (not (eq $labels.instance \"\")) }}yes{{ end }}")).isEqualTo("yes");
    assertThat(expand("{{ if or (lt $value 0.0) (ge $value 1.0) }}out{{ else }}in{{ end }}")).isEqualTo("in");
    assertThat(expand("{{ if ne $labels.job \"web\" }}not web{{ end }}")).isEqualTo("not web");
    assertThat(expand("{{ if le 1 2 }}{{ with $labels.job }}job {{ . }}{{ end }}{{ end }}")).isEqualTo("job api");
    assertThat(expand("{{ gt $value 1 }}")).isEqualTo("<error expanding template: error executing template __alert_HighErrorRate: "
        + "template: __alert_HighErrorRate:1:115: executing \"__alert_HighErrorRate\" at <gt $value 1>: "
        + "error calling gt: incompatible types for comparison>");
  }

  @Test
  void trimsWhiteSpaceAndDropsComments() {
    assertThat(expand("a  {{- \"b\" -}}  c")).isEqualTo("abc");
    assertThat(expand("{{/* not printed */}}x{{- /* trimmed */ -}}  y")).isEqualTo("xy");
    assertThat(expand("line\n  {{- if true }}\n  kept\n  {{- end }}")).isEqualTo("line\n  kept");
  }

  @Test
  void rangesOverLabelsInKeyOrder() {
    assertThat(expand("{{ range $k, $v := $labels }}{{ $k }}={{ $v }} {{ end }}"))
        .isEqualTo("alertname=HighErrorRate instance=web-1:9090 job=api ");
  }

  @Test
  void runtimeErrorsGiveTheTextPrometheusGives() {
    assertThat(AlertTemplates.expand("RateLimited", "{{ humanize $labels.job }}", DATA)).isEqualTo(
        "<error expanding template: error executing template __alert_RateLimited: template: __alert_RateLimited:1:115: "
            + "executing \"__alert_RateLimited\" at <humanize $labels.job>: error calling humanize: "
            + "strconv.ParseFloat: parsing \"api\": invalid syntax>");
    assertThat(AlertTemplates.expand("Q", "{{ query \"up\" }}", DATA)).isEqualTo(
        "<error expanding template: error executing template __alert_Q: template: __alert_Q:1:115: executing \"__alert_Q\" "
            + "at <query \"up\">: error calling query: the template function query is not supported by Vigil>");
    assertThat(AlertTemplates.expand("Bad", "{{ nosuch }}", DATA)).isEqualTo(
        "<error expanding template: error parsing template __alert_Bad: template: __alert_Bad:1: function \"nosuch\" not defined>");
  }

  @Test
  void textWithoutActionsIsLeftAlone() {
    assertThat(expand("plain } { text")).isEqualTo("plain } { text");
  }

  static Stream<Arguments> promtoolExpansions() throws IOException {
    JsonNode fixture;
    try (InputStream in = AlertTemplatesTest.class.getResourceAsStream("/templates/promtool-2.42-expansions.yml")) {
      fixture = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    Map<String, String> labels = new TreeMap<>();
    fixture.get("data").get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    TemplateData data = new TemplateData(labels, fixture.get("data").get("value").asDouble(), Map.of(), null);
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : fixture.get("cases")) {
      cases.add(Arguments.of(c.get("template").asText(), c.get("expected").asText(), data));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("promtoolExpansions")
  void expandsAsPrometheus(String template, String expected, TemplateData data) {
    assertThat(AlertTemplates.expand("A", template, data)).isEqualTo(expected);
  }
}
