package dev.vigil.alert.rules;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.metrics.Fingerprints;
import dev.vigil.storage.MetricWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes series that rules produce (recording rules' results, ALERTS and ALERTS_FOR_STATE) into the
 * project's metrics, as Prometheus appends them to its own TSDB, so PromQL, dashboards and other rules
 * read them like any metric. A series a rule wrote last time but not this time gets Prometheus's
 * staleness marker, so it ends at once instead of lingering for the lookback delta.
 *
 * <p>Written straight through the storage's write side rather than through Kafka: these samples are
 * computed here, not accepted from a client, so there is no acknowledgement to give early; a failed
 * write fails the group's evaluation, which is retried at its next interval.
 */
final class SeriesWriteBack {

  /** One point a rule produced: metric name, labels (without {@code __name__}) and value. */
  record Point(String metric, Map<String, String> labels, double value) {}

  private final MetricWriter writer;
  /** Per rule (its key): the series it wrote at its last evaluation. */
  private final Map<String, Map<Long, MetricSeries>> lastWritten = new ConcurrentHashMap<>();

  SeriesWriteBack(MetricWriter writer) {
    this.writer = writer;
  }

  void write(long projectId, String ruleKey, List<Point> points, long timestampMillis) {
    Map<Long, MetricSeries> now = new HashMap<>();
    List<MetricSample> samples = new ArrayList<>();
    for (Point p : points) {
      long fingerprint = Fingerprints.of(p.metric(), p.labels());
      MetricSeries series = new MetricSeries(projectId, p.metric(), fingerprint, p.labels(), p.metric(), MetricType.GAUGE, "", "");
      now.put(fingerprint, series);
      samples.add(new MetricSample(projectId, p.metric(), fingerprint, timestampMillis, p.value()));
    }
    Map<Long, MetricSeries> before = lastWritten.getOrDefault(ruleKey, Map.of());
    for (MetricSeries gone : before.values()) {
      if (!now.containsKey(gone.fingerprint())) {
        samples.add(new MetricSample(projectId, gone.metricName(), gone.fingerprint(), timestampMillis,
            Double.longBitsToDouble(MetricSample.STALE_NAN_BITS)));
      }
    }
    if (!samples.isEmpty()) {
      // Deterministic token: a retried write of the same rule at the same instant is stored once.
      writer.insert(new MetricBatch(List.copyOf(now.values()), samples, List.of()), token(projectId, ruleKey, timestampMillis));
    }
    lastWritten.put(ruleKey, now);
  }

  // Rule keys hold names with any characters; the token allows few, so the key is hashed.
  private static String token(long projectId, String ruleKey, long timestampMillis) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(ruleKey.getBytes(StandardCharsets.UTF_8));
      return "rule-" + projectId + "-" + HexFormat.of().formatHex(digest, 0, 12) + "-" + timestampMillis;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Forgets what was written (leadership moved away; the next leader starts afresh). */
  void reset() {
    lastWritten.clear();
  }
}
