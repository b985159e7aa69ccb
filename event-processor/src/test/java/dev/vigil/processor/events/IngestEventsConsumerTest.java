package dev.vigil.processor.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.testsupport.TestTopics;
import dev.vigil.domain.IssueStatus;
import dev.vigil.processor.EdgeRecords;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.issues.IssueStatusChanges;
import dev.vigil.state.projects.Projects;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Envelopes on Kafka end up as events in ClickHouse and issues in PostgreSQL (local stack). */
@QuarkusTest
class IngestEventsConsumerTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject Projects projects;
  @Inject IssueStatusChanges statusChanges;
  @Inject ClickHouseStorage clickhouse;
  @Inject MeterRegistry meters;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private EdgeRecords edge;
  private long projectId;
  private String slug;
  private StoredForProject stored;

  @BeforeEach
  void newProjectAndProducer() throws Throwable {
    slug = "processor-" + UUID.randomUUID().toString().substring(0, 8);
    projectId = VertxContextSupport.subscribeAndAwait(() -> projects.create("processor-tests", slug, slug, "python")).id;
    edge = new EdgeRecords(bootstrap);
    stored = new StoredForProject(clickhouse, projectId);
  }

  @AfterEach
  void closeProducer() {
    edge.close();
  }

  @Test
  void severalEventsOfTheSameBugMakeOneIssue() throws Throwable {
    for (int i = 0; i < 3; i++) {
      send(SentryEnvelopes.event("python-keyerror", UUID.randomUUID(), Instant.now()));
    }

    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.events()).isEqualTo(3));
    List<IssueEntity> issues = stored.issues();
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).title).contains("KeyError");
    assertThat(stored.issueIdsOfEvents()).containsExactly(issues.get(0).id);
  }

  @Test
  void differentBugsMakeDifferentIssues() throws Throwable {
    send(SentryEnvelopes.event("python-keyerror", UUID.randomUUID(), Instant.now()));
    send(SentryEnvelopes.event("node-typeerror", UUID.randomUUID(), Instant.now()));
    send(SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now()));
    send(SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now()));

    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.events()).isEqualTo(4));
    assertThat(stored.issues()).extracting(i -> i.type)
        .containsExactlyInAnyOrder("KeyError", "TypeError", "IllegalStateException");
    assertThat(stored.issueIdsOfEvents()).hasSize(3);
  }

  @Test
  void aReplayedRecordIsStoredAndCountedOnce() throws Throwable {
    byte[] body = SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now());
    send(body);
    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.issues()).hasSize(1));
    Instant firstSeen = stored.issues().get(0).firstSeen;

    send(body);
    send(SentryEnvelopes.event("java-illegalstate", UUID.randomUUID(), Instant.now()));

    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.events()).isEqualTo(2));
    assertThat(stored.issues()).singleElement().satisfies(i -> {
      assertThat(i.firstSeen).isEqualTo(firstSeen);
      assertThat(i.regressedAt).isNull();
    });
  }

  @Test
  void garbageGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() throws Throwable {
    String key = "garbage-" + UUID.randomUUID();
    try (KafkaConsumer<String, byte[]> dlq = edge.tail(TestTopics.INGEST_EVENTS_DLQ)) {
      // Same key: same partition, so the good record comes after the bad one.
      edge.send(record(key, "this is not an envelope".getBytes(StandardCharsets.UTF_8)));
      edge.send(record(key, SentryEnvelopes.event("python-keyerror", UUID.randomUUID(), Instant.now())));

      await().atMost(WAIT).untilAsserted(() -> assertThat(stored.events()).isEqualTo(1));
      List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
      await().atMost(WAIT).until(() -> {
        dlq.poll(Duration.ofMillis(500)).forEach(r -> {
          if (key.equals(r.key())) {
            dead.add(r);
          }
        });
        return !dead.isEmpty();
      });
      Map<String, String> headers = new HashMap<>();
      dead.get(0).headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
      assertThat(headers.get(IngestHeaders.DLQ_REASON)).startsWith("invalid envelope");
      assertThat(headers.get(IngestHeaders.DLQ_ORIGIN)).startsWith(TestTopics.INGEST_EVENTS + "/");
      assertThat(headers.get(IngestHeaders.PROJECT_ID)).isEqualTo(String.valueOf(projectId));
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("this is not an envelope");
    }
  }

  @Test
  void aResolvedIssueIsReopenedByANewerEvent() throws Throwable {
    send(SentryEnvelopes.event("node-typeerror", UUID.randomUUID(), Instant.now().minusSeconds(60)));
    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.issues()).hasSize(1));
    long issueId = stored.issues().get(0).id;
    VertxContextSupport.subscribeAndAwait(() -> statusChanges.change(projectId, List.of(issueId), IssueStatus.RESOLVED));
    assertThat(stored.issues().get(0).status).isEqualTo("resolved");
    double regressionsBefore = meters.counter("vigil.issues.regressed").count();

    send(SentryEnvelopes.event("node-typeerror", UUID.randomUUID(), Instant.now().plusSeconds(1)));

    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.issues()).singleElement().satisfies(i -> {
      assertThat(i.status).isEqualTo("unresolved");
      assertThat(i.regressedAt).isNotNull();
    }));
    // The regression is reported once, so that alerting (a later issue) notifies once. The counter
    // moves just after the PostgreSQL commit that the await above observed.
    await().atMost(WAIT).untilAsserted(
        () -> assertThat(meters.counter("vigil.issues.regressed").count()).isEqualTo(regressionsBefore + 1));
  }

  @Test
  void aTransactionBecomesSpansOfTheProjectsService() throws Throwable {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    send(SentryEnvelopes.transaction(traceId, UUID.randomUUID()));

    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.spans(traceId)).hasSize(3));
    assertThat(stored.spans(traceId)).allSatisfy(s -> {
      assertThat(s.get("source")).isEqualTo("sentry");
      assertThat(s.get("service_name")).isEqualTo(slug);
    });
    assertThat(stored.spans(traceId)).anySatisfy(s -> {
      assertThat(s.get("span_name")).isEqualTo("GET /users/:id");
      assertThat(s.get("span_kind")).isEqualTo("server");
      assertThat(s.get("parent_span_id")).isEmpty();
    });
    assertThat(stored.spans(traceId)).anySatisfy(s -> {
      assertThat(s.get("span_name")).isEqualTo("render profile");
      assertThat(s.get("status_code")).isEqualTo("error");
    });
  }

  @Test
  void aMalformedTransactionIsSkippedWithoutLosingTheEventBesideIt() throws Throwable {
    double invalidBefore = meters.counter("vigil.transactions.invalid").count();
    String withBadTransaction = new String(SentryEnvelopes.event("python-keyerror", UUID.randomUUID(), Instant.now()),
        StandardCharsets.UTF_8) + "{\"type\":\"transaction\"}\n{\"transaction\":\"no trace context\"}\n";
    send(withBadTransaction.getBytes(StandardCharsets.UTF_8));

    await().atMost(WAIT).untilAsserted(() -> assertThat(stored.events()).isEqualTo(1));
    await().atMost(WAIT).untilAsserted(
        () -> assertThat(meters.counter("vigil.transactions.invalid").count()).isGreaterThan(invalidBefore));
  }

  private void send(byte[] envelope) throws Exception {
    edge.send(record(UUID.randomUUID().toString(), envelope));
  }

  private ProducerRecord<String, byte[]> record(String key, byte[] value) {
    ProducerRecord<String, byte[]> r = edge.record(TestTopics.INGEST_EVENTS, key, value, projectId);
    r.headers().add(IngestHeaders.CLIENT_ADDRESS, "203.0.113.9".getBytes(StandardCharsets.UTF_8));
    return r;
  }
}
