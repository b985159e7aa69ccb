package dev.vigil.query.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Times, durations and selectors in the formats Prometheus clients send. */
class PromParamsTest {

  private static PromParams query(String... pairs) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return PromParams.of(null, map);
  }

  @Test
  void readsUnixSecondsWithFractionsExponentsAndRfc3339() {
    assertThat(PromParams.parseTime("t", "1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(PromParams.parseTime("t", "1700000000.781")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 781_000_000));
    assertThat(PromParams.parseTime("t", "1.7e9")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(PromParams.parseTime("t", "-1.5")).isEqualTo(Instant.ofEpochSecond(-2, 500_000_000));
    assertThat(PromParams.parseTime("t", "2026-11-21T10:00:00.5+01:00")).isEqualTo(Instant.parse("2026-11-21T09:00:00.500Z"));
    assertThatThrownBy(() -> PromParams.parseTime("start", "today"))
        .hasMessage("invalid parameter \"start\": cannot parse \"today\" to a valid timestamp");
  }

  @Test
  void treatsTheGoClientsUnboundedTimesAsAbsent() {
    Instant fallback = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(query("start", "-292273086-05-16T16:47:06Z").time("start", fallback)).isEqualTo(fallback);
    assertThat(query("end", "292277025-08-18T07:12:54.999999999Z").time("end", fallback)).isEqualTo(fallback);
  }

  @Test
  void readsDurationsAsPrometheusDoes() {
    assertThat(PromParams.parseDuration("step", "15")).isEqualTo(Duration.ofSeconds(15));
    assertThat(PromParams.parseDuration("step", "0.25")).isEqualTo(Duration.ofMillis(250));
    assertThat(PromParams.parseDuration("step", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(PromParams.parseDuration("step", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> PromParams.parseDuration("step", "5 minutes"))
        .hasMessage("invalid parameter \"step\": cannot parse \"5 minutes\" to a valid duration");
  }

  @Test
  void formValuesComeBeforeUrlValues() {
    PromParams p = PromParams.of(Map.of("query", List.of("from_body")), Map.of("query", List.of("from_url"), "match[]", List.of("up")));
    assertThat(p.first("query")).isEqualTo("from_body");
    assertThat(p.all("match[]")).containsExactly("up");
  }

  @Test
  void turnsSelectorsIntoMatchers() {
    assertThat(query("match[]", "http_requests_total{code=~\"5..\", job!=\"api\"}", "match[]", "up").selectors())
        .extracting(matchers -> matchers.stream().map(Object::toString).toList())
        .containsExactly(List.of("__name__=\"http_requests_total\"", "code=~\"5..\"", "job!=\"api\""), List.of("__name__=\"up\""));
    assertThatThrownBy(() -> query("match[]", "up{").selectors()).hasMessageStartingWith("invalid parameter \"match[]\": 1:");
  }

  @Test
  void limitZeroMeansTheServersCap() {
    assertThat(query("limit", "0").limit(100)).isEqualTo(100);
    assertThat(query("limit", "5").limit(100)).isEqualTo(5);
    assertThat(query("limit", "500").limit(100)).isEqualTo(100);
    assertThatThrownBy(() -> query("limit", "-1").limit(100)).isInstanceOf(PromApiException.class);
  }
}
