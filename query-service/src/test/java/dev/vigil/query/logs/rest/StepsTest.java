package dev.vigil.query.logs.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.query.rest.ApiException;
import org.junit.jupiter.api.Test;

class StepsTest {

  @Test
  void choosesARoundStepForAboutSixtyBuckets() {
    assertThat(Steps.parseOrChoose(null, 3600)).isEqualTo(60);
    assertThat(Steps.parseOrChoose("", 600)).isEqualTo(10);
    assertThat(Steps.parseOrChoose(null, 86_400)).isEqualTo(1800);
    assertThat(Steps.parseOrChoose(null, 7 * 86_400)).isEqualTo(10_800);
    assertThat(Steps.parseOrChoose(null, 30)).isEqualTo(1);
    assertThat(Steps.parseOrChoose(null, 365L * 86_400)).isEqualTo(7 * 86_400);
  }

  @Test
  void parsesGivenStepsAndBoundsTheBucketCount() {
    assertThat(Steps.parseOrChoose("30", 3600)).isEqualTo(30);
    assertThat(Steps.parseOrChoose("5m", 3600)).isEqualTo(300);
    assertThat(Steps.parseOrChoose("1h", 86_400)).isEqualTo(3600);
    assertThat(Steps.parseOrChoose("1d", 86_400 * 7)).isEqualTo(86_400);
    assertThatThrownBy(() -> Steps.parseOrChoose("1s", 86_400)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Steps.parseOrChoose("0", 60)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Steps.parseOrChoose("5 minutes", 60)).isInstanceOf(ApiException.class);
  }

  @Test
  void mapsSeverityNamesAndNumbers() {
    assertThat(Severities.minimum("WARN")).isEqualTo(13);
    assertThat(Severities.minimum("error")).isEqualTo(17);
    assertThat(Severities.minimum("24")).isEqualTo(24);
    assertThat(Severities.minimum(null)).isNull();
    assertThatThrownBy(() -> Severities.minimum("25")).isInstanceOf(ApiException.class);
    assertThat(Severities.level(0)).isEqualTo("unspecified");
    assertThat(Severities.level(12)).isEqualTo("info");
    assertThat(Severities.level(21)).isEqualTo("fatal");
  }
}
