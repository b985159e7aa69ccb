package dev.vigil.processor.migrate;

import dev.vigil.processor.clickhouse.ClickHouseSchema;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Migrate-only mode ({@code VIGIL_MIGRATE_ONLY=true}, the Helm chart's migration Job): applies the PostgreSQL
 * schema (Flyway), the ClickHouse schema and creates the missing Kafka topics, one log line per step, and
 * tells the caller the exit status. The first dependency that fails ends the run with a line naming it, so
 * that the Job's retries show what they wait for. Every step is idempotent: services still migrate at start,
 * and a second run (or a run racing a starting service) changes nothing.
 */
@ApplicationScoped
public class Migration {

  private static final Logger LOG = Logger.getLogger(Migration.class);

  private final Flyway flyway;
  private final ClickHouseSchema clickHouse;
  private final Map<String, Object> kafka;
  private final Config config;
  private final String postgresUrl;
  private final int partitions;
  private final short replicationFactor;
  private final Duration kafkaTimeout;

  Migration(
      Flyway flyway,
      ClickHouseSchema clickHouse,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      Config config,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String postgresUrl,
      @ConfigProperty(name = "vigil.kafka.topic-partitions", defaultValue = "6") int partitions,
      @ConfigProperty(name = "vigil.kafka.replication-factor", defaultValue = "1") short replicationFactor,
      @ConfigProperty(name = "vigil.kafka.admin-timeout", defaultValue = "30s") Duration kafkaTimeout) {
    this.flyway = flyway;
    this.clickHouse = clickHouse;
    this.kafka = kafka;
    this.config = config;
    this.postgresUrl = postgresUrl;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    this.kafkaTimeout = kafkaTimeout;
  }

  /** Runs every step in order; 0 when all succeeded, 1 as soon as one failed. */
  public int run() {
    boolean done =
        step("PostgreSQL", endpoint(postgresUrl), this::postgres)
            && step("ClickHouse", endpoint(clickHouse.url()), this::clickHouse)
            && step("Kafka", String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)), this::kafka);
    if (done) {
      LOG.info("migrate-only: PostgreSQL, ClickHouse and Kafka are ready, exiting with status 0");
      return 0;
    }
    return 1;
  }

  private String postgres() {
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version = current == null ? "none" : String.valueOf(current.getVersion());
    return result.migrationsExecuted == 0
        ? "schema up to date at version " + version
        : result.migrationsExecuted + " migration(s) applied, schema now at version " + version;
  }

  private String clickHouse() {
    List<Integer> applied = clickHouse.migrate();
    return applied.isEmpty()
        ? "database " + clickHouse.database() + " up to date"
        : "database " + clickHouse.database() + ": applied migration(s) " + applied;
  }

  private String kafka() throws Exception {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("vigil.kafka.replication-factor must be at least 1, got " + replicationFactor);
    }
    List<KafkaTopics.Topic> wanted = KafkaTopics.wanted(key -> config.getOptionalValue(key, String.class), partitions);
    Admin admin = Admin.create(adminConfig());
    try {
      TopicCreation.Result result = new TopicCreation(admin, replicationFactor, kafkaTimeout).ensure(wanted);
      for (String report : result.fewerPartitions()) {
        LOG.warnf(
            "migrate-only: Kafka topic %s; left unchanged (adding partitions moves keys, see docs/configuration.md)", report);
      }
      return "topics created " + result.created() + ", already present " + result.present();
    } finally {
      admin.close(Duration.ofSeconds(5));
    }
  }

  /** The services' Kafka settings (kafka.*: bootstrap servers, TLS, SASL) that apply to an admin client. */
  private Map<String, Object> adminConfig() {
    Map<String, Object> admin = new HashMap<>();
    kafka.forEach(
        (key, value) -> {
          if (AdminClientConfig.configNames().contains(key)) {
            admin.put(key, value);
          }
        });
    int timeoutMs = (int) kafkaTimeout.toMillis();
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    admin.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "vigil-migration");
    return admin;
  }

  private static boolean step(String dependency, String endpoint, Callable<String> work) {
    try {
      LOG.infof("migrate-only: %s (%s): %s", dependency, endpoint, work.call());
      return true;
    } catch (Exception e) {
      LOG.errorf(
          "migrate-only: %s (%s) is unreachable or refused the migration, exiting with status 1 (the Job retries): %s",
          dependency, endpoint, causes(e));
      LOG.debug("migrate-only: step failed", e);
      return false;
    }
  }

  /** The messages of the exception and its causes, without repeats: the root cause is usually the telling one. */
  static String causes(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null && messages.size() < 6; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(message);
      }
    }
    return String.join(": ", messages);
  }

  /** A URL for messages: no query (it may carry a password) and no user info. */
  static String endpoint(String url) {
    return url == null ? "(not configured)" : url.replaceFirst("\\?.*$", "").replaceFirst("//[^/@]*@", "//");
  }
}
