package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromDurationsTest {

  @ParameterizedTest
  @CsvSource({
    "1h30m, 5400000",
    "5m, 300000",
    "90s, 90000",
    "1d, 86400000",
    "1w, 604800000",
    "1y, 31536000000",
    "500ms, 500",
    "0, 0",
    "0s, 0",
    "2w3d, 1468800000",
    "1y2w3d4h5m6s7ms, 33019506007",
    "010m, 600000"
  })
  void parsesPrometheusDurations(String text, long millis) {
    assertThat(PromDurations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"300", "1m1h", "1.5h", "-1m", "1h 30m", "5M", "true", "1mm", "ms", "1h30", " 5m"})
  void rejectsWhatPrometheusRejects(String text) {
    assertThatThrownBy(() -> PromDurations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid duration string: \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"300y", "99999999999y", "9999999999999999999999s"})
  void rejectsDurationsBeyondGosInt64Nanoseconds(String text) {
    assertThatThrownBy(() -> PromDurations.parse(text)).hasMessage("duration out of range");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "500, 500ms",
    "90000, 1m30s",
    "5400000, 1h30m",
    "86400000, 1d",
    "604800000, 1w",
    "7776000000, 90d",
    "31536000000, 1y",
    "31622400000, 366d",
    "90061001, 1d1h1m1s1ms"
  })
  void formatsAsPrometheusPrintsDurations(long millis, String text) {
    assertThat(PromDurations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(PromDurations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {""})
  void rejectsTheEmptyString(String text) {
    assertThatThrownBy(() -> PromDurations.parse(text)).hasMessage("empty duration string");
  }
}
