import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the local stack's topics listed in deploy/local/topics.conf (idempotent), run by ./vigil
 * with Java's single-file source launcher: one JVM for every topic instead of one TopicCommand each.
 *
 * <p>Usage: java -cp 'kafka/libs/*' CreateTopics.java bootstrap-servers topics.conf [timeout-seconds]
 */
public final class CreateTopics {

  private record Topic(String name, int partitions, Map<String, String> configs) {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    List<Topic> wanted = parse(Path.of(args[1]));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 60);

    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = listTopics(admin, deadline);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic t : wanted) {
        if (!existing.contains(t.name())) {
          missing.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()));
        }
      }
      for (var e : admin.createTopics(missing).values().entrySet()) {
        try {
          e.getValue().get();
          System.out.println("created topic " + e.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw ex;
          }
        }
      }
      Map<String, TopicDescription> described =
          admin.describeTopics(wanted.stream().map(Topic::name).toList()).allTopicNames().get();
      Map<String, NewPartitions> grow = new HashMap<>();
      for (Topic t : wanted) {
        int actual = described.get(t.name()).partitions().size();
        if (actual < t.partitions()) {
          grow.put(t.name(), NewPartitions.increaseTo(t.partitions()));
          System.out.println("topic " + t.name() + ": " + actual + " -> " + t.partitions() + " partitions");
        } else {
          System.out.println("topic " + t.name() + ": " + actual + " partition(s)");
        }
      }
      if (!grow.isEmpty()) {
        admin.createPartitions(grow).all().get();
      }
      // Topic configs from topics.conf also apply to topics created by an earlier version of it.
      Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
      for (Topic t : wanted) {
        if (!t.configs().isEmpty()) {
          alter.put(
              new ConfigResource(ConfigResource.Type.TOPIC, t.name()),
              t.configs().entrySet().stream()
                  .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                  .toList());
        }
      }
      if (!alter.isEmpty()) {
        admin.incrementalAlterConfigs(alter).all().get();
      }
    }
  }

  private static Set<String> listTopics(Admin admin, long deadline) throws Exception {
    while (true) {
      try {
        return admin.listTopics().names().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  private static List<Topic> parse(Path file) throws Exception {
    List<Topic> topics = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String s = line.replaceFirst("#.*", "").trim();
      if (s.isEmpty()) {
        continue;
      }
      String[] parts = s.split("\\s+");
      Map<String, String> configs = new LinkedHashMap<>();
      for (int i = 2; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        configs.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
      topics.add(new Topic(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1, configs));
    }
    return topics;
  }
}
