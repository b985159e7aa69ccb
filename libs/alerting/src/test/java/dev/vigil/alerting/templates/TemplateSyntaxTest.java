package dev.vigil.alerting.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateSyntaxTest {

  @Test
  void namesTheLineAndColumnOfTheProblem() {
    TemplateSyntaxException e = catchThrowableOfType(TemplateSyntaxException.class,
        () -> AlertTemplates.check("{{ $labels.job }} is down\nsince {{ humanise $value }}"));

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.detail()).isEqualTo("function \"humanise\" not defined");
    assertThat(e).hasMessage("2:10: function \"humanise\" not defined");
  }

  @Test
  void acceptsWhatRealRuleFilesUse() {
    assertThatCode(() -> AlertTemplates.check("""
        {{ $labels.instance }} ({{ .Labels.job }}) is at {{ $value | humanizePercentage }}
        {{- if gt $value 0.9 }} critical {{- else if gt $value 0.5 }} warning {{- end }}
        {{/* a comment */}}{{ printf "%.2f" .Value }} {{ humanizeDuration 90 }} {{ $externalURL }}
        {{ with $externalLabels.cluster }}cluster {{ . }}{{ end }}
        {{ range $k, $v := $labels }}{{ if eq $k "job" }}{{ continue }}{{ end }}{{ $k }}{{ end }}
        """)).doesNotThrowAnyException();
  }

  @Test
  void rejectsNamedTemplatesWhichVigilDoesNotSupport() {
    TemplateSyntaxException e = catchThrowableOfType(TemplateSyntaxException.class,
        () -> AlertTemplates.check("{{ define \"x\" }}{{ end }}"));

    assertThat(e.detail()).isEqualTo("{{define}} is not supported in Vigil alert templates");
  }

  @Test
  void refusesNestingDeepEnoughToExhaustTheStack() {
    String deep = "{{ " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }}";

    TemplateSyntaxException e = catchThrowableOfType(TemplateSyntaxException.class, () -> AlertTemplates.check(deep));

    assertThat(e.detail()).isEqualTo("max expression depth exceeded");
  }

  static Stream<Arguments> promtoolVerdicts() throws IOException {
    JsonNode fixture;
    try (InputStream in = TemplateSyntaxTest.class.getResourceAsStream("/templates/promtool-2.42-syntax.yml")) {
      fixture = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : fixture.get("cases")) {
      cases.add(Arguments.of(c.get("template").asText(), c.get("error").isNull() ? null : c.get("error").asText()));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("promtoolVerdicts")
  void acceptsAndRejectsAsPrometheus(String template, String error) {
    if (error == null) {
      assertThatCode(() -> AlertTemplates.check(template)).doesNotThrowAnyException();
    } else {
      TemplateSyntaxException e = catchThrowableOfType(TemplateSyntaxException.class, () -> AlertTemplates.check(template));
      assertThat(e).as("promtool rejects %s", template).isNotNull();
      assertThat(e.detail()).isEqualTo(error);
    }
  }
}
