package dev.vigil.alerting.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HumanizeTest {

  @Test
  void formatsAsPrometheus() {
    assertThat(Humanize.humanize(1234567)).isEqualTo("1.235M");
    assertThat(Humanize.humanize(0.0012)).isEqualTo("1.2m");
    assertThat(Humanize.humanize(0)).isEqualTo("0");
    assertThat(Humanize.humanize(999999)).isEqualTo("1000k");
    assertThat(Humanize.humanize1024(2048)).isEqualTo("2ki");
    assertThat(Humanize.humanize1024(1)).isEqualTo("1");
    assertThat(Humanize.humanizePercentage(0.1234)).isEqualTo("12.34%");
    assertThat(Humanize.humanizeDuration(90)).isEqualTo("1m 30s");
    assertThat(Humanize.humanizeDuration(90061)).isEqualTo("1d 1h 1m 1s");
    assertThat(Humanize.humanizeDuration(1.5)).isEqualTo("1.5s");
    assertThat(Humanize.humanizeDuration(0.5)).isEqualTo("500ms");
    assertThat(Humanize.humanizeDuration(0)).isEqualTo("0s");
    assertThat(Humanize.humanizeTimestamp(1435065584.128)).isEqualTo("2015-06-23 13:19:44.128 +0000 UTC");
    assertThat(Humanize.humanize(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
  }

  static Stream<Arguments> promtoolNumbers() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        HumanizeTest.class.getResourceAsStream("/templates/promtool-2.42-numbers.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.startsWith("#")) {
          String[] columns = line.split("\t", 2);
          rows.add(Arguments.of(columns[0], columns[1]));
        }
      }
    }
    return rows.stream();
  }

  /** Values across magnitudes, signs, NaN and infinities, as Prometheus formats them in a template. */
  @ParameterizedTest
  @MethodSource("promtoolNumbers")
  void valuesFormatAsInPrometheus(String value, String expected) {
    double v = Double.parseDouble(value.replace("Inf", "Infinity"));
    String template = "{{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}"
        + "|{{ humanizePercentage $value }}|{{ printf \"%.2f|%e|%g|%.3e|%.10g|%8.3f|%-8.1f|%+.1e|%v\" "
        + "$value $value $value $value $value $value $value $value $value }}";

    assertThat(AlertTemplates.expand(template, new TemplateData(Map.of(), v, Map.of(), null))).isEqualTo(expected);
  }
}
