package dev.vigil.ingest.kafka;

import dev.vigil.contracts.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Where accepted envelopes go and how long an SDK request waits for Kafka. Producer settings
 * themselves are the standard {@code kafka.*} properties (bootstrap.servers, max.block.ms, ...).
 */
@ConfigMapping(prefix = "vigil.ingest.kafka")
public interface IngestKafkaConfig {

  /** Topic for envelopes. */
  @WithDefault(Topics.INGEST_EVENTS)
  String topic();

  /** Longest wait for the broker's acknowledgement before answering 503. */
  @WithDefault("10s")
  Duration sendTimeout();

  /** Retry-After sent with a 503 when Kafka did not acknowledge. */
  @WithDefault("30s")
  Duration retryAfter();
}
