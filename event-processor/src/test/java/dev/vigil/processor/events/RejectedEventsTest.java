package dev.vigil.processor.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.processor.EdgeRecords;
import dev.vigil.processor.pipeline.DeadLetters;
import dev.vigil.processor.pipeline.IngestRecord;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.pipeline.RecordInserts;
import dev.vigil.processor.pipeline.RecordRows;
import dev.vigil.processor.pipeline.Retrying;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.state.projects.Projects;
import dev.vigil.storage.EventWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.write.InsertEvents;
import dev.vigil.testsupport.TestTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When ClickHouse refuses some events of a batch, the rest is stored and only the records holding the
 * refused ones go to the dead-letter topic, with no issue left without events; when ClickHouse cannot
 * be reached, the batch waits instead (local stack).
 */
@QuarkusTest
class RejectedEventsTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject Projects projects;
  @Inject ClickHouseStorage clickhouse;
  @Inject RecordProcessor processor;
  @Inject ImplicitReleases releases;
  @Inject IssueUpserts issues;
  @Inject EventWriter events;
  @Inject RecordInserts inserts;
  @Inject Retrying retrying;
  @Inject ProcessorMetrics metrics;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private EdgeRecords edge;
  private long projectId;
  private String slug;
  private StoredForProject stored;
  private final List<String> constraints = new ArrayList<>();

  @BeforeEach
  void newProjectAndProducer() throws Throwable {
    slug = "rejected-" + UUID.randomUUID().toString().substring(0, 8);
    projectId = VertxContextSupport.subscribeAndAwait(() -> projects.create("processor-tests", slug, slug, "python")).id;
    edge = new EdgeRecords(bootstrap);
    stored = new StoredForProject(clickhouse, projectId);
  }

  @AfterEach
  void dropConstraintsAndProducer() throws Exception {
    for (String dropConstraint : constraints) {
      execute(dropConstraint);
    }
    edge.close();
  }

  @Test
  void aBatchWithEventsClickHouseRefusesStoresTheOthersAndDeadLettersOnlyTheRefusedRecords() throws Throwable {
    // Refused the way a table refuses rows it cannot take: a constraint on the shared test tables
    // that only this test's marker environment and trace violate.
    String refusedEnvironment = "refused-" + UUID.randomUUID().toString().substring(0, 8);
    String refusedTrace = UUID.randomUUID().toString().replace("-", "");
    String goodTrace = UUID.randomUUID().toString().replace("-", "");
    refuse("events", "environment != '" + refusedEnvironment + "'");
    refuse("spans", "trace_id != '" + refusedTrace + "'");
    send(SentryEnvelopes.event("node-typeerror", UUID.randomUUID(), Instant.now().minusSeconds(60)));
    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.events()).isEqualTo(1));
    long typeErrorIssue = stored.issues().get(0).id;

    String key = "batch-" + UUID.randomUUID();
    List<byte[]> refused = List.of(
        SentryEnvelopes.event("python-keyerror", UUID.randomUUID(), Instant.now(), refusedEnvironment),
        SentryEnvelopes.event("node-typeerror", UUID.randomUUID(), Instant.now(), refusedEnvironment),
        SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now(), refusedEnvironment),
        SentryEnvelopes.transaction(refusedTrace, UUID.randomUUID()));
    try (KafkaConsumer<String, byte[]> dlq = edge.tail(TestTopics.INGEST_EVENTS_DLQ)) {
      // One key and one produce request: one partition, one poll, so one batch holds good and refused records.
      edge.sendTogether(List.of(
          record(key, SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now())),
          record(key, refused.get(0)),
          record(key, refused.get(1)),
          record(key, refused.get(2)),
          record(key, refused.get(3)),
          record(key, SentryEnvelopes.transaction(goodTrace, UUID.randomUUID()))));

      List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
      await().atMost(WAIT).until(() -> {
        dlq.poll(Duration.ofMillis(500)).forEach(r -> {
          if (key.equals(r.key())) {
            dead.add(r);
          }
        });
        return dead.size() >= refused.size();
      });
      assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactlyInAnyOrderElementsOf(refused.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
      assertThat(dead).allSatisfy(r -> {
        Map<String, String> headers = headers(r);
        assertThat(headers.get(IngestHeaders.DLQ_REASON)).startsWith("rejected by ClickHouse: ").contains("VIOLATED_CONSTRAINT");
        assertThat(headers.get(IngestHeaders.DLQ_ORIGIN)).startsWith(TestTopics.INGEST_EVENTS + "/");
        assertThat(headers.get(IngestHeaders.PROJECT_ID)).isEqualTo(String.valueOf(projectId));
      });
    }

    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.events()).isEqualTo(2));
    assertThat(stored.spans(goodTrace)).hasSize(3);
    assertThat(stored.spans(refusedTrace)).isEmpty();
    // The KeyError issue had only a refused event: it is gone. The TypeError issue existed before and
    // the IllegalStateException issue has a stored event: both stay, and every issue has events.
    List<IssueEntity> left = stored.issues();
    assertThat(left).extracting(i -> i.type).containsExactlyInAnyOrder("TypeError", "IllegalStateException");
    assertThat(left).extracting(i -> i.id).contains(typeErrorIssue);
    assertThat(stored.issueIdsOfEvents()).containsExactlyInAnyOrderElementsOf(left.stream().map(i -> i.id).toList());
  }

  @Test
  void aBatchWaitsWhileClickHouseIsUnreachableAndIsStoredOnceItIsBack() throws Throwable {
    ClickHouseStorage down =
        new ClickHouseStorage("jdbc:clickhouse:http://127.0.0.1:1/default", clickhouse.database(), "default", "");
    EventWriter unreachable = new InsertEvents(down);
    AtomicInteger attempts = new AtomicInteger();
    EventWriter downTwice = (rows, token) -> (attempts.incrementAndGet() <= 2 ? unreachable : events).insert(rows, token);
    IssueEvents issueEvents = new IssueEvents(releases, issues, downTwice, inserts, retrying, metrics);
    // A topic of its own: the batch's deduplication token must not match a batch stored before.
    String topic = "vigil.test.outage-" + UUID.randomUUID();
    List<IngestRecord> polled = List.of(
        polled(topic, 0, SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now())),
        polled(topic, 1, SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now())));
    List<RecordRows<List<RecordOutcome.Grouped>>> grouped =
        polled.stream().map(r -> new RecordRows<>(r, processor.process(r, Map.of(projectId, slug)).events())).toList();

    List<DeadLetters.DeadLetter> refused;
    try {
      refused = issueEvents.store(polled, grouped);
    } finally {
      down.close();
    }

    assertThat(refused).as("an outage is not a rejection").isEmpty();
    assertThat(attempts).as("two failed attempts, then the one that stored the batch").hasValue(3);
    assertThat(stored.events()).isEqualTo(2);
    assertThat(stored.issues()).singleElement()
        .satisfies(i -> assertThat(stored.issueIdsOfEvents()).containsExactly(i.id));
  }

  private void refuse(String table, String check) throws Exception {
    String name = "refuse_" + UUID.randomUUID().toString().replace("-", "");
    execute("ALTER TABLE ${database}." + table + " ADD CONSTRAINT " + name + " CHECK " + check);
    constraints.add("ALTER TABLE ${database}." + table + " DROP CONSTRAINT " + name);
  }

  private void execute(String sql) throws Exception {
    try (Connection c = clickhouse.connection();
        Statement s = c.createStatement()) {
      s.execute(clickhouse.qualify(sql));
    }
  }

  private void send(byte[] envelope) throws Exception {
    edge.send(record(UUID.randomUUID().toString(), envelope));
  }

  private ProducerRecord<String, byte[]> record(String key, byte[] value) {
    return edge.record(TestTopics.INGEST_EVENTS, key, value, projectId);
  }

  private IngestRecord polled(String topic, long offset, byte[] envelope) {
    Map<String, byte[]> headers = new HashMap<>();
    record("k", envelope).headers().forEach(h -> headers.put(h.key(), h.value()));
    return new IngestRecord(topic, 0, offset, System.currentTimeMillis(), "k", envelope, headers);
  }

  private static Map<String, String> headers(ConsumerRecord<String, byte[]> r) {
    Map<String, String> headers = new HashMap<>();
    r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    return headers;
  }
}
