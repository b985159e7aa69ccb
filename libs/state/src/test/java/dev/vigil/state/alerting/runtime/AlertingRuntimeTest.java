package dev.vigil.state.alerting.runtime;

import dev.vigil.state.alerting.AlertInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.state.projects.Projects;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What alert-service relies on to neither forget nor double-send across restarts and replicas: the
 * leader lease, writes fenced by it, and an outbox whose rows one replica at a time can claim.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class AlertingRuntimeTest {

  @Inject Projects projects;
  @Inject Leases leases;
  @Inject AlertInstances instances;
  @Inject NotificationGroups groups;
  @Inject NotificationOutbox outbox;
  @Inject Pool pool;

  long projectId;
  String lease;
  long channelId;

  @BeforeEach
  void newProject() {
    String slug = "alerting-" + UUID.randomUUID().toString().substring(0, 8);
    projectId = await(() -> projects.create("state-tests", slug, slug, "python")).id;
    lease = "test-" + slug;
    channelId = await(
        () -> pool.preparedQuery("INSERT INTO notification_channels (project_id, name, type, settings) VALUES ($1, 'ops', 'webhook', '{}') RETURNING id")
            .execute(Tuple.of(projectId))
            .map(rows -> rows.iterator().next().getLong(0)));
  }

  @Test
  void onlyOneReplicaHoldsTheLeaseUntilItExpiresOrIsReleased() {
    assertThat(await(() -> leases.tryAcquire(lease, "replica-a", Duration.ofSeconds(30)))).isTrue();
    assertThat(await(() -> leases.tryAcquire(lease, "replica-b", Duration.ofSeconds(30)))).isFalse();
    assertThat(await(() -> leases.tryAcquire(lease, "replica-a", Duration.ofSeconds(30)))).as("renewal").isTrue();

    await(() -> leases.release(lease, "replica-a"));
    assertThat(await(() -> leases.tryAcquire(lease, "replica-b", Duration.ofSeconds(30)))).isTrue();

    expire(lease);
    assertThat(await(() -> leases.tryAcquire(lease, "replica-a", Duration.ofSeconds(30)))).as("after expiry").isTrue();
  }

  @Test
  void aReplicaThatLostTheLeaseWritesNoAlertState() {
    await(() -> leases.tryAcquire(lease, "replica-a", Duration.ofSeconds(30)));
    String rule = "group:" + projectId + "/HighLatency";
    AlertInstance firing = alert(rule, 42L, "firing");
    StateChange change = new StateChange(42L, firing.labels(), "pending", "firing", 3.5, Instant.now());

    assertThat(await(() -> instances.save(lease, "replica-b", rule, projectId, "HighLatency", List.of(firing), List.of(change))))
        .isFalse();
    assertThat(stored(firing.ruleKey())).isEmpty();

    assertThat(await(() -> instances.save(lease, "replica-a", rule, projectId, "HighLatency", List.of(firing), List.of(change))))
        .isTrue();
    assertThat(stored(firing.ruleKey())).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo("firing");
      assertThat(a.labels()).containsEntry("alertname", "HighLatency");
      assertThat(a.activeAt()).isEqualTo(firing.activeAt());
    });
    assertThat(historyCount()).isEqualTo(1);
  }

  @Test
  void savingARuleReplacesItsAlertsAndLeavesOtherRulesAlone() {
    await(() -> leases.tryAcquire(lease, "replica-a", Duration.ofSeconds(30)));
    String rule = "group:" + projectId + "/A";
    String other = "group:" + projectId + "/B";
    await(() -> instances.save(lease, "replica-a", rule, projectId, "A", List.of(alert(rule, 1L, "firing"), alert(rule, 2L, "pending")), List.of()));
    await(() -> instances.save(lease, "replica-a", other, projectId, "B", List.of(alert(other, 1L, "firing")), List.of()));

    await(() -> instances.save(lease, "replica-a", rule, projectId, "A", List.of(alert(rule, 2L, "firing")), List.of()));

    assertThat(stored(rule)).extracting(AlertInstance::fingerprint, AlertInstance::state).containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "firing"));
    assertThat(stored(other)).hasSize(1);
  }

  @Test
  void aClaimedDeliveryIsInvisibleToOtherClaimsUntilItsTimeoutAndRetriesWhenRescheduled() {
    long id = await(() -> outbox.enqueue(channelId, projectId, "{}:{alertname=\"X\"}", "test", 1, 0, "{\"groupKey\":\"x\"}"));

    List<Delivery> first = claimOurs(Duration.ofMinutes(1));
    assertThat(first).extracting(Delivery::id).containsExactly(id);
    assertThat(first.get(0).attempts()).isEqualTo(1);
    assertThat(first.get(0).payloadJson()).contains("groupKey");
    assertThat(claimOurs(Duration.ofMinutes(1))).as("claimed by another replica meanwhile").isEmpty();

    await(() -> outbox.reschedule(id, Instant.now().minusSeconds(1), 429, "rate limited"));
    assertThat(claimOurs(Duration.ofMinutes(1))).extracting(Delivery::attempts).containsExactly(2);

    await(() -> outbox.markSent(id, 204));
    await(() -> outbox.reschedule(id, Instant.now().minusSeconds(1), 500, "late"));
    assertThat(claimOurs(Duration.ofMinutes(1))).as("a sent delivery is never sent again").isEmpty();
    assertThat(deliveryStatus(id)).isEqualTo("sent");
  }

  @Test
  void groupStateAndItsNotificationAreWrittenTogetherOnlyByTheLeader() {
    await(() -> leases.tryAcquire(lease, "replica-a", Duration.ofSeconds(30)));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    NotificationGroupState state =
        new NotificationGroupState(channelId, "{}:{alertname=\"Down\"}", Map.of("alertname", "Down"), now, now, Set.of(7L, 8L), Set.of());
    NewDelivery delivery = new NewDelivery(channelId, projectId, state.groupKey(), 2, 0, "{\"status\":\"firing\"}");

    assertThat(await(() -> groups.save(lease, "replica-b", List.of(state), List.of(), List.of(delivery)))).isFalse();
    assertThat(deliveriesOfChannel()).isZero();

    assertThat(await(() -> groups.save(lease, "replica-a", List.of(state), List.of(), List.of(delivery)))).isTrue();
    assertThat(deliveriesOfChannel()).isEqualTo(1);
    assertThat(await(groups::all)).filteredOn(g -> g.channelId() == channelId).singleElement().satisfies(g -> {
      assertThat(g.lastFiring()).containsExactlyInAnyOrder(7L, 8L);
      assertThat(g.lastFlushAt()).isEqualTo(now);
    });

    await(() -> groups.save(lease, "replica-a", List.of(), List.of(state), List.of()));
    assertThat(await(groups::all)).noneMatch(g -> g.channelId() == channelId);
  }

  private List<Delivery> claimOurs(Duration visibility) {
    return await(() -> outbox.claimDue(1000, visibility)).stream().filter(d -> d.channelId() == channelId).toList();
  }

  private AlertInstance alert(String ruleKey, long fingerprint, String state) {
    Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String name = ruleKey.substring(ruleKey.indexOf('/') + 1);
    return new AlertInstance(ruleKey, fingerprint, projectId, name, Map.of("alertname", name, "job", "api"), Map.of("summary", "slow"), state, 3.5,
        t, state.equals("firing") ? t : null, null, null, t);
  }

  private List<AlertInstance> stored(String ruleKey) {
    return await(instances::all).stream().filter(a -> a.ruleKey().equals(ruleKey)).toList();
  }

  private void expire(String name) {
    await(() -> pool.preparedQuery("UPDATE alerting_leases SET expires_at = now() - interval '1 second' WHERE name = $1").execute(Tuple.of(name)));
  }

  private long historyCount() {
    return await(() -> pool.preparedQuery("SELECT count(*) FROM alert_history WHERE project_id = $1").execute(Tuple.of(projectId))
        .map(rows -> rows.iterator().next().getLong(0)));
  }

  private long deliveriesOfChannel() {
    return await(() -> pool.preparedQuery("SELECT count(*) FROM notification_deliveries WHERE channel_id = $1").execute(Tuple.of(channelId))
        .map(rows -> rows.iterator().next().getLong(0)));
  }

  private String deliveryStatus(long id) {
    return await(() -> pool.preparedQuery("SELECT status FROM notification_deliveries WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getString(0)));
  }

  static <T> T await(Supplier<Uni<T>> call) {
    try {
      return VertxContextSupport.subscribeAndAwait(call);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
