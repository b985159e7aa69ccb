package dev.vigil.processor.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the missing topics through Kafka's admin client and leaves existing ones as they are. A topic
 * with fewer partitions than configured is reported, not grown: new partitions would move keys (trace ids,
 * metric series) to other partitions while records of the same key still wait in the old ones, which the
 * operator should decide on (kafka-topics.sh --alter) when the consumers are idle.
 */
final class TopicCreation {

  /** What {@link #ensure} found and did. */
  record Result(List<String> created, List<String> present, List<String> fewerPartitions) {}

  private final Admin admin;
  private final short replicationFactor;
  private final long timeoutMs;

  TopicCreation(Admin admin, short replicationFactor, Duration timeout) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
    this.timeoutMs = timeout.toMillis();
  }

  /**
   * Creates every wanted topic that does not exist yet.
   *
   * @throws TimeoutException when Kafka does not answer within the timeout
   * @throws ExecutionException when Kafka refuses a request (authorization, replication factor, …)
   */
  Result ensure(List<KafkaTopics.Topic> wanted) throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = await(admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeoutMs)).names());
    Map<String, KafkaTopics.Topic> missing = new LinkedHashMap<>();
    List<String> present = new ArrayList<>();
    for (KafkaTopics.Topic t : wanted) {
      if (existing.contains(t.name())) {
        present.add(t.name());
      } else {
        missing.put(t.name(), t);
      }
    }
    List<String> created = new ArrayList<>();
    if (!missing.isEmpty()) {
      List<NewTopic> topics =
          missing.values().stream()
              .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.configs()))
              .toList();
      Map<String, KafkaFuture<Void>> results =
          admin.createTopics(topics, new CreateTopicsOptions().timeoutMs((int) timeoutMs)).values();
      for (String name : missing.keySet()) {
        try {
          await(results.get(name));
          created.add(name);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          present.add(name); // another migration created it a moment ago
        }
      }
    }
    return new Result(created, present, fewerPartitions(wanted, present));
  }

  private List<String> fewerPartitions(List<KafkaTopics.Topic> wanted, List<String> present)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (present.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> described =
        await(admin.describeTopics(present, new DescribeTopicsOptions().timeoutMs((int) timeoutMs)).allTopicNames());
    List<String> reports = new ArrayList<>();
    for (KafkaTopics.Topic t : wanted) {
      TopicDescription d = described.get(t.name());
      if (d != null && d.partitions().size() < t.partitions()) {
        reports.add(t.name() + " has " + d.partitions().size() + " partition(s), " + t.partitions() + " configured");
      }
    }
    return reports;
  }

  private <T> T await(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
    try {
      // A little longer than the request's own timeout, so that Kafka's answer (or its timeout) comes first.
      return future.get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw noAnswer(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException timeout) {
        throw noAnswer(timeout);
      }
      throw e;
    }
  }

  private TimeoutException noAnswer(Exception cause) {
    TimeoutException e =
        new TimeoutException(
            "no answer from the brokers within " + Duration.ofMillis(timeoutMs).toSeconds() + " s"
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
    e.initCause(cause);
    return e;
  }
}
