package dev.vigil.alerting.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFingerprintTest {

  // Expected values computed with lz4-java's XXH64 (the implementation libs/otlp uses) over the
  // bytes Prometheus hashes: name 0xff value 0xff per label, sorted by name.

  @Test
  void equalsPrometheusLabelsHashForShortLabelSets() {
    assertThat(AlertFingerprint.of(Map.of("alertname", "X"))).isEqualTo(0x24a49448b34f0a50L);
    assertThat(AlertFingerprint.of(Map.of("severity", "page", "alertname", "HighLatency")))
        .isEqualTo(0xd139467e092845ddL);
  }

  @Test
  void equalsPrometheusLabelsHashForLongLabelSetsWithUnicode() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("summary", "δ");
    labels.put("job", "node");
    labels.put("instance", "node-1:9100");
    labels.put("device", "/dev/sda1");
    labels.put("alertname", "DiskFull");
    assertThat(AlertFingerprint.of(labels)).isEqualTo(0x9e88f6d8c8f30bfaL);
  }

  @Test
  void emptyLabelSetHashesLikeEmptyInput() {
    assertThat(AlertFingerprint.of(Map.of())).isEqualTo(0xef46db3751d8e999L);
  }

  @Test
  void labelBoundariesMatter() {
    assertThat(AlertFingerprint.of(Map.of("a", "bc")))
        .isNotEqualTo(AlertFingerprint.of(Map.of("ab", "c")));
  }
}
