package dev.vigil.query.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.query.prometheus.PromMetadata.Entry;
import dev.vigil.storage.clickhouse.read.metrics.MetricName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metadata keyed the way clients look series names up. */
class PromMetadataTest {

  static final List<MetricName> NAMES =
      List.of(
          new MetricName("http_duration_seconds_bucket", "http_duration_seconds", "histogram", "seconds", "Request duration."),
          new MetricName("http_duration_seconds_count", "http_duration_seconds", "histogram", "seconds", "Request duration."),
          new MetricName("jobs_total", "jobs", "counter", "", "Jobs run."),
          new MetricName("queue_depth_items", "queue_depth", "gauge", "items", "Items waiting."),
          new MetricName("legacy", "", "", null, null));

  @Test
  void listsEachFamilyOnceAndNamesThatNoSuffixLeadsBackToTheirFamily() {
    Map<String, List<Entry>> metadata = PromMetadata.of(NAMES, null, 100, 100);
    assertThat(metadata).containsOnlyKeys("http_duration_seconds", "jobs", "legacy", "queue_depth", "queue_depth_items");
    assertThat(metadata.get("http_duration_seconds")).containsExactly(new Entry("histogram", "Request duration.", "seconds"));
    assertThat(metadata.get("queue_depth_items")).containsExactly(new Entry("gauge", "Items waiting.", "items"));
    assertThat(metadata.get("legacy")).containsExactly(new Entry("unknown", "", ""));
  }

  @Test
  void filtersByMetricAndLimits() {
    assertThat(PromMetadata.of(NAMES, "jobs", 100, 100)).containsOnlyKeys("jobs");
    assertThat(PromMetadata.of(NAMES, null, 2, 100)).containsOnlyKeys("http_duration_seconds", "jobs");
  }
}
