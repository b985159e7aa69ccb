package dev.vigil.processor.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The migration creates the topics of the local stack (deploy/local/topics.conf), so the two cannot drift apart. */
class KafkaTopicsTest {

  private static final Path TOPICS_CONF = Path.of("..", "deploy", "local", "topics.conf");

  @Test
  void createsTheProductionTopicsOfTheLocalStackWithTheirPartitionsAndConfigs() throws IOException {
    List<KafkaTopics.Topic> local =
        localStackTopics().stream().filter(t -> !t.name().startsWith("vigil.test.")).toList();

    assertThat(local).as("production topics in %s", TOPICS_CONF).isNotEmpty();
    assertThat(KafkaTopics.wanted(key -> Optional.empty(), 6)).containsExactlyInAnyOrderElementsOf(local);
  }

  @Test
  void namesTopicsAfterTheChannelsConfigurationAndGivesOnlyMainTopicsTheConfiguredPartitions() {
    Map<String, String> config =
        Map.of(
            "mp.messaging.incoming.otlp-spans.topic", "team.spans",
            "mp.messaging.outgoing.otlp-dlq.topic", "team.otlp.dlq");

    List<KafkaTopics.Topic> topics = KafkaTopics.wanted(key -> Optional.ofNullable(config.get(key)), 12);

    assertThat(topics)
        .contains(
            new KafkaTopics.Topic("team.spans", 12, Map.of("max.message.bytes", "67108864")),
            new KafkaTopics.Topic("team.otlp.dlq", 1, Map.of("max.message.bytes", "67108864")),
            new KafkaTopics.Topic("vigil.ingest.events", 12, Map.of("max.message.bytes", "22020096")),
            new KafkaTopics.Topic("vigil.ingest.events.dlq", 1, Map.of("max.message.bytes", "22020096")));
  }

  /** topics.conf: one topic per line, {@code name partitions [config=value ...]}, '#' comments. */
  private static List<KafkaTopics.Topic> localStackTopics() throws IOException {
    List<KafkaTopics.Topic> topics = new ArrayList<>();
    for (String line : Files.readAllLines(TOPICS_CONF)) {
      String content = line.replaceFirst("#.*", "").strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] fields = content.split("\\s+");
      Map<String, String> configs = new HashMap<>();
      for (int i = 2; i < fields.length; i++) { // the columns after name and partitions are config=value pairs
        String[] pair = fields[i].split("=", 2);
        configs.put(pair[0], pair[1]);
      }
      topics.add(new KafkaTopics.Topic(fields[0], Integer.parseInt(fields[1]), configs));
    }
    return topics;
  }
}
