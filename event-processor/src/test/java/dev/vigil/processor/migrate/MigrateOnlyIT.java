package dev.vigil.processor.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.KafkaStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged processor ({@code target/quarkus-app/quarkus-run.jar}) in migrate-only mode, as the Helm
 * chart's migration Job runs it, against the local stack: a PostgreSQL schema, a ClickHouse database,
 * topic names and consumer groups of its own, so that it disturbs nothing else on the stack.
 */
class MigrateOnlyIT {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final Duration RUN_LIMIT = Duration.ofSeconds(180);
  private static final String POSTGRES_URL =
      env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/vigil_test");
  private static final String POSTGRES_USER = env("QUARKUS_DATASOURCE_USERNAME", "vigil");
  private static final String POSTGRES_PASSWORD = env("QUARKUS_DATASOURCE_PASSWORD", "vigil");

  /** A finished run of the jar. */
  private record Run(int exitCode, String log) {}

  private String id;
  private Admin kafka;

  @BeforeEach
  void names() {
    assertThat(JAR).as("packaged processor (mvn package runs before this test)").isRegularFile();
    id = "mig" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.bootstrapServers());
    kafka = Admin.create(props);
  }

  @AfterEach
  void dropWhatTheRunsCreated() throws Exception {
    try (Connection c = postgres();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema() + " CASCADE");
    }
    try (ClickHouseStorage storage = clickHouse();
        Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + storage.database());
    }
    List<String> ours = kafka.listTopics().names().get().stream().filter(t -> t.startsWith(topicPrefix())).toList();
    kafka.deleteTopics(ours).all().get();
    kafka.close();
  }

  @Test
  void appliesBothSchemasAndCreatesTheTopicsWithoutConsumingThenASecondRunChangesNothing() throws Exception {
    // A topic that exists already with fewer partitions than configured: reported, never changed.
    kafka.createTopics(List.of(new NewTopic(topic("otlp.logs"), 2, (short) 1))).all().get();

    Run first = migrate(Map.of());

    assertThat(first.exitCode()).as(first.log()).isZero();
    assertThat(first.log())
        .contains("migrate-only: PostgreSQL (" + POSTGRES_URL.replaceFirst("\\?.*", "") + "): ")
        .contains("migration(s) applied, schema now at version")
        .contains("database vigil_" + id + ": applied migration(s) [1, ")
        .contains(topic("otlp.logs") + " has 2 partition(s), 6 configured; left unchanged")
        .contains("exiting with status 0");
    int postgresMigrations = appliedPostgresMigrations();
    int clickHouseMigrations = appliedClickHouseMigrations();
    assertThat(postgresMigrations).isPositive();
    assertThat(postgresTableExists("projects")).isTrue();
    assertThat(clickHouseMigrations).isPositive();
    assertThat(clickHouseTables()).contains("events", "spans", "logs", "metric_samples");
    Map<String, Integer> partitions = partitions();
    assertThat(partitions)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                topic("ingest.events"), 6,
                topic("ingest.events.dlq"), 1,
                topic("otlp.spans"), 6,
                topic("otlp.logs"), 2,
                topic("otlp.metrics"), 6,
                topic("otlp.dlq"), 1));
    assertThat(maxMessageBytes(topic("ingest.events"))).isEqualTo("22020096");
    assertThat(maxMessageBytes(topic("otlp.spans"))).isEqualTo("67108864");

    // Records waiting in the topics: a consumer, had one started, would join its group and read them.
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(topic("ingest.events"), "k", "not an envelope")).get();
      producer.send(new ProducerRecord<>(topic("otlp.spans"), "k", "not a span")).get();
    }
    Run second = migrate(Map.of());

    assertThat(second.exitCode()).as(second.log()).isZero();
    assertThat(second.log())
        .contains("schema up to date at version")
        .contains("database vigil_" + id + " up to date")
        .contains("topics created [], already present [");
    assertThat(appliedPostgresMigrations()).isEqualTo(postgresMigrations);
    assertThat(appliedClickHouseMigrations()).isEqualTo(clickHouseMigrations);
    assertThat(partitions()).isEqualTo(partitions);
    assertThat(kafka.listConsumerGroups().all().get())
        .extracting(ConsumerGroupListing::groupId)
        .noneMatch(group -> group.startsWith(id));
  }

  @Test
  void exitsNonZeroNamingKafkaWhenNoBrokerAnswers() throws Exception {
    String nobody = "localhost:" + closedPort();

    Run run = migrate(Map.of("KAFKA_BOOTSTRAP_SERVERS", nobody, "VIGIL_KAFKA_ADMIN_TIMEOUT", "5s"));

    assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
    assertThat(run.log())
        .contains("migrate-only: Kafka (" + nobody + ") is unreachable or refused the migration, exiting with status 1")
        .contains("no answer from the brokers within 5 s");
  }

  /** Runs the jar in migrate-only mode with this test's names, plus {@code extra} environment variables. */
  private Run migrate(Map<String, String> extra) throws IOException, InterruptedException {
    Path log = Files.createTempFile("migrate-only-" + id, ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.getFileName().toString())
            .directory(JAR.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // Only this test's settings: none of the stack variables the test JVM may have been given.
    env.keySet()
        .removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("VIGIL_") || k.startsWith("KAFKA_") || k.startsWith("MP_"));
    env.putAll(environment());
    env.putAll(extra);
    Process process = builder.start();
    try {
      if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("migrate-only run still going after " + RUN_LIMIT + ":\n" + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }

  private Map<String, String> environment() {
    String separator = POSTGRES_URL.contains("?") ? "&" : "?";
    Map<String, String> env = new HashMap<>();
    env.put("VIGIL_MIGRATE_ONLY", "true");
    env.put("QUARKUS_HTTP_PORT", "0");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", POSTGRES_URL + separator + "currentSchema=" + schema());
    env.put(
        "QUARKUS_DATASOURCE_REACTIVE_URL", POSTGRES_URL.replaceFirst("^jdbc:", "") + separator + "search_path=" + schema());
    env.put("QUARKUS_DATASOURCE_USERNAME", POSTGRES_USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", POSTGRES_PASSWORD);
    env.put("QUARKUS_FLYWAY_SCHEMAS", schema());
    env.put("VIGIL_CLICKHOUSE_URL", ClickHouseStack.jdbcUrl());
    env.put("VIGIL_CLICKHOUSE_DATABASE", "vigil_" + id);
    env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaStack.bootstrapServers());
    env.put("VIGIL_INGEST_TOPIC", topic("ingest.events"));
    env.put("VIGIL_INGEST_DLQ_TOPIC", topic("ingest.events.dlq"));
    env.put("VIGIL_OTLP_SPANS_TOPIC", topic("otlp.spans"));
    env.put("VIGIL_OTLP_LOGS_TOPIC", topic("otlp.logs"));
    env.put("VIGIL_OTLP_METRICS_TOPIC", topic("otlp.metrics"));
    env.put("VIGIL_OTLP_DLQ_TOPIC", topic("otlp.dlq"));
    for (String channel : List.of("INGEST_EVENTS", "OTLP_SPANS", "OTLP_LOGS", "OTLP_METRICS")) {
      env.put("MP_MESSAGING_INCOMING_" + channel + "_GROUP_ID", id + "-" + channel.toLowerCase());
    }
    return env;
  }

  private String schema() {
    return "mig_" + id;
  }

  private String topicPrefix() {
    return "vigil." + id + ".";
  }

  private String topic(String name) {
    return topicPrefix() + name;
  }

  private int appliedPostgresMigrations() throws SQLException {
    return count("SELECT count(*) FROM " + schema() + ".flyway_schema_history WHERE success AND version IS NOT NULL");
  }

  private boolean postgresTableExists(String table) throws SQLException {
    return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema()
        + "' AND table_name = '" + table + "'") == 1;
  }

  private int count(String sql) throws SQLException {
    try (Connection c = postgres();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private int appliedClickHouseMigrations() throws SQLException {
    try (ClickHouseStorage storage = clickHouse();
        Connection c = storage.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count() FROM " + storage.database() + ".schema_migrations")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private List<String> clickHouseTables() throws SQLException {
    try (ClickHouseStorage storage = clickHouse();
        Connection c = storage.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM system.tables WHERE database = '" + storage.database() + "'")) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      return tables;
    }
  }

  private Map<String, Integer> partitions() throws Exception {
    List<String> ours = kafka.listTopics().names().get().stream().filter(t -> t.startsWith(topicPrefix())).toList();
    return kafka.describeTopics(ours).allTopicNames().get().values().stream()
        .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
  }

  private String maxMessageBytes(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = kafka.describeConfigs(List.of(resource)).all().get().get(resource);
    return config.get("max.message.bytes").value();
  }

  private KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put("bootstrap.servers", KafkaStack.bootstrapServers());
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private ClickHouseStorage clickHouse() {
    return new ClickHouseStorage(ClickHouseStack.jdbcUrl(), "vigil_" + id, "default", "");
  }

  private static Connection postgres() throws SQLException {
    return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
  }

  /** A local port nothing listens on (taken and released: a broker would have to appear there meanwhile). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
