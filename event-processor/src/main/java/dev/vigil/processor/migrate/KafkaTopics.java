package dev.vigil.processor.migrate;

import dev.vigil.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Kafka topics the platform needs, as the migration creates them: the topics of event-processor's
 * channels (so the {@code VIGIL_*_TOPIC} renames apply; the edges write to the same names), main topics
 * with the configured partition count, dead-letter topics with one partition, each allowing the record
 * size its producers send. deploy/local/topics.conf lists the same topics for the local stack;
 * KafkaTopicsTest keeps the two in agreement.
 */
final class KafkaTopics {

  /** One topic to create. */
  record Topic(String name, int partitions, Map<String, String> configs) {}

  /** A channel of event-processor and how its topic is created. */
  private record Channel(String key, String defaultTopic, boolean deadLetters, Map<String, String> configs) {}

  // One record holds one envelope, up to the gateway's 20 MiB limit plus headers.
  private static final Map<String, String> ENVELOPES = Map.of("max.message.bytes", "22020096");
  // One record holds at most one OTLP export request's share (64 MiB request limit).
  private static final Map<String, String> OTLP = Map.of("max.message.bytes", "67108864");

  private static final List<Channel> CHANNELS =
      List.of(
          new Channel("mp.messaging.incoming.ingest-events", Topics.INGEST_EVENTS, false, ENVELOPES),
          new Channel("mp.messaging.outgoing.ingest-events-dlq", Topics.INGEST_EVENTS_DLQ, true, ENVELOPES),
          new Channel("mp.messaging.incoming.otlp-spans", Topics.OTLP_SPANS, false, OTLP),
          new Channel("mp.messaging.incoming.otlp-logs", Topics.OTLP_LOGS, false, OTLP),
          new Channel("mp.messaging.incoming.otlp-metrics", Topics.OTLP_METRICS, false, OTLP),
          new Channel("mp.messaging.outgoing.otlp-dlq", Topics.OTLP_DLQ, true, OTLP));

  private KafkaTopics() {}

  /**
   * The topics to create.
   *
   * @param config looks a property up ({@code mp.messaging.incoming.<channel>.topic}); topics without one
   *     get their name from libs/contracts {@link Topics}
   * @param partitions partitions of every topic but the dead-letter ones, which keep one (they see few
   *     records, and one partition keeps them in arrival order)
   */
  static List<Topic> wanted(Function<String, Optional<String>> config, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("vigil.kafka.topic-partitions must be at least 1, got " + partitions);
    }
    return CHANNELS.stream()
        .map(
            c ->
                new Topic(
                    config.apply(c.key() + ".topic").filter(name -> !name.isBlank()).orElse(c.defaultTopic()),
                    c.deadLetters() ? 1 : partitions,
                    c.configs()))
        .toList();
  }
}
