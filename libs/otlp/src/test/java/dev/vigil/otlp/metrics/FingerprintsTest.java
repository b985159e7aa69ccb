package dev.vigil.otlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void equalsXxHash64OverSortedLabelsAsPrometheusAndClickHouseCompute() {
    // Reference computed by ClickHouse: toInt64(xxHash64(concat('__name__', char(255),
    // 'http_requests_total', char(255), 'job', char(255), 'api', char(255), 'method', char(255), 'GET', char(255))))
    long expected = -5122604070035444896L;

    assertThat(Fingerprints.of("http_requests_total", Map.of("method", "GET", "job", "api"))).isEqualTo(expected);
  }

  @Test
  void dependsOnLabelsNotOnTheirOrder() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("a", "1");
    forward.put("b", "2");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("b", "2");
    backward.put("a", "1");

    assertThat(Fingerprints.of("m", forward)).isEqualTo(Fingerprints.of("m", backward));
    assertThat(Fingerprints.of("m", forward)).isNotEqualTo(Fingerprints.of("m", Map.of("a", "12")));
    // The separator keeps "a=1,b=2" apart from labels whose bytes merely concatenate alike.
    assertThat(Fingerprints.of("m", Map.of("a", "1b2"))).isNotEqualTo(Fingerprints.of("m", forward));
  }
}
