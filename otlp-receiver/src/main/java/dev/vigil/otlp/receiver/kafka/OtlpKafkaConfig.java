package dev.vigil.otlp.receiver.kafka;

import dev.vigil.contracts.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Where accepted telemetry goes and how long an export waits for Kafka. Producer settings are the
 * standard {@code kafka.*} properties.
 */
@ConfigMapping(prefix = "vigil.otlp.kafka")
public interface OtlpKafkaConfig {

  /** Topic for spans, one record per trace. */
  @WithDefault(Topics.OTLP_SPANS)
  String spansTopic();

  /** Topic for log records. */
  @WithDefault(Topics.OTLP_LOGS)
  String logsTopic();

  /** Topic for metrics, one record per resource. */
  @WithDefault(Topics.OTLP_METRICS)
  String metricsTopic();

  /** Longest wait for the broker's acknowledgement of an export's records before answering unavailable. */
  @WithDefault("10s")
  Duration sendTimeout();

  /** Retry-After (HTTP) / RetryInfo (gRPC) sent when Kafka did not acknowledge. */
  @WithDefault("30s")
  Duration retryAfter();
}
