package dev.vigil.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Informers against the Fabric8 mock API server in CRUD mode: pods created, edited and deleted through
 * the API while signals are resolved, as they would be in a cluster.
 */
@EnableKubernetesMockClient(crud = true)
class PodInformersTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  static KubernetesClient client;

  private final PodIndex index = new PodIndex(List.of("team"), Duration.ofMinutes(5), Clock.systemUTC());
  private final PodResolver resolver = new PodResolver(index);
  private PodInformers informers;

  @AfterEach
  void stopAndForgetPods() {
    if (informers != null) {
      informers.close();
    }
    // The mock server lives as long as the class: each test starts from an empty cluster.
    client.pods().inAnyNamespace().delete();
  }

  @Test
  void podsListedAtStartAndPodsCreatedLaterAreFound() throws Exception {
    Pod before = create(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"));
    informers = PodInformers.start(client, List.of(), index);
    informers.synced().get(10, TimeUnit.SECONDS);

    assertThat(resolveIp("10.0.0.7")).containsEntry("k8s.pod.uid", before.getMetadata().getUid())
        .containsEntry("k8s.deployment.name", "cart");

    Pod after = create(Pods.ofDeployment("billing", "invoices", "77aa", "10.0.0.8"));
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(resolveIp("10.0.0.8")).containsEntry("k8s.pod.uid", after.getMetadata().getUid())
            .containsEntry("k8s.namespace.name", "billing"));
    assertThat(resolver.additions(Map.of("k8s.pod.uid", after.getMetadata().getUid()), null, Instant.now()))
        .containsEntry("k8s.pod.name", after.getMetadata().getName());
  }

  @Test
  void labelsEditedAndAnIpAssignedAfterPendingReachTheNextSignals() throws Exception {
    informers = PodInformers.start(client, List.of(), index);
    informers.synced().get(10, TimeUnit.SECONDS);
    Pod pending = create(new PodBuilder(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.21").build())
        .editStatus().withPhase("Pending").withPodIP(null).withPodIPs(List.of()).endStatus());
    await().atMost(WAIT).until(() -> index.byUid(pending.getMetadata().getUid()).isPresent());
    assertThat(resolveIp("10.0.0.21")).isEmpty();

    Pod running = client.pods().resource(Pods.withStatus(current(pending), "Running", "10.0.0.21")).updateStatus();
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(resolveIp("10.0.0.21")).containsEntry("k8s.pod.uid", running.getMetadata().getUid()));

    client.pods().resource(Pods.withLabels(current(running), Map.of("team", "payments"))).update();
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(resolveIp("10.0.0.21")).containsEntry("k8s.pod.label.team", "payments"));
  }

  @Test
  void aDeletedPodsIpGoesToNobodyThenToThePodThatReusesIt() throws Exception {
    informers = PodInformers.start(client, List.of(), index);
    informers.synced().get(10, TimeUnit.SECONDS);
    Pod old = create(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.30"));
    await().atMost(WAIT).until(() -> !resolveIp("10.0.0.30").isEmpty());
    Instant whileOldLived = Instant.now();

    client.pods().resource(old).delete();
    await().atMost(WAIT).untilAsserted(() -> assertThat(resolveIp("10.0.0.30")).isEmpty());
    assertThat(resolver.additions(Map.of(), "10.0.0.30", whileOldLived))
        .as("a signal received before the deletion, processed after it")
        .containsEntry("k8s.pod.uid", old.getMetadata().getUid());

    Thread.sleep(1100); // creation times have a resolution of one second
    Pod reuser = create(Pods.ofDeployment("billing", "invoices", "77aa", "10.0.0.30"));
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(resolveIp("10.0.0.30")).containsEntry("k8s.pod.uid", reuser.getMetadata().getUid()));
    assertThat(resolver.additions(Map.of(), "10.0.0.30", whileOldLived)).containsEntry("k8s.pod.uid", old.getMetadata().getUid());
  }

  @Test
  void aStatefulSetPodMovedToAnotherNodeIsFoundUnderItsNameWithTheNewNodeAndIp() throws Exception {
    informers = PodInformers.start(client, List.of(), index);
    informers.synced().get(10, TimeUnit.SECONDS);
    Pod first = create(new PodBuilder(Pods.ofDeployment("data", "db", "0000", "10.0.1.5").build())
        .editMetadata().withName("db-0").endMetadata());
    await().atMost(WAIT).until(() -> !resolveIp("10.0.1.5").isEmpty());

    client.pods().resource(first).delete();
    await().atMost(WAIT).until(() -> resolveIp("10.0.1.5").isEmpty());
    Thread.sleep(1100);
    Pod moved = create(new PodBuilder(Pods.ofDeployment("data", "db", "0000", "10.0.2.9").build())
        .editMetadata().withName("db-0").endMetadata()
        .editSpec().withNodeName("node-b").endSpec());

    Map<String, String> named = Map.of("k8s.pod.name", "db-0", "k8s.namespace.name", "data");
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(resolver.additions(named, null, Instant.now()))
            .containsEntry("k8s.pod.uid", moved.getMetadata().getUid())
            .containsEntry("k8s.node.name", "node-b"));
    assertThat(resolveIp("10.0.2.9")).containsEntry("k8s.pod.uid", moved.getMetadata().getUid());
  }

  @Test
  void informersOfListedNamespacesSeeOnlyThosePods() throws Exception {
    create(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.3.1"));
    create(Pods.ofDeployment("kube-system", "dns", "1b1b", "10.0.3.2"));

    informers = PodInformers.start(client, List.of("shop"), index);
    informers.synced().get(10, TimeUnit.SECONDS);

    assertThat(resolveIp("10.0.3.1")).containsEntry("k8s.namespace.name", "shop");
    assertThat(resolveIp("10.0.3.2")).isEmpty();
  }

  @Test
  void signalsResolvedWhilePodsChurnOnlyEverGetThePodHoldingTheirIp() throws Exception {
    informers = PodInformers.start(client, List.of(), index);
    informers.synced().get(10, TimeUnit.SECONDS);
    Pod current = create(Pods.ofDeployment("shop", "worker", "abcd", "10.0.4.1"));
    await().atMost(WAIT).until(() -> !resolveIp("10.0.4.1").isEmpty());
    // Telemetry keeps flowing from every address the workers use, on another thread.
    AtomicBoolean churning = new AtomicBoolean(true);
    AtomicInteger resolved = new AtomicInteger();
    CompletableFuture<Void> telemetry = CompletableFuture.runAsync(() -> {
      while (churning.get()) {
        for (int i = 1; i <= 6; i++) {
          String ip = "10.0.4." + i;
          index.byIp(ip, Instant.now()).ifPresent(p -> {
            assertThat(p.ips()).contains(ip);
            resolved.incrementAndGet();
          });
        }
      }
    });

    for (int generation = 0; generation < 5; generation++) {
      Pod next = create(Pods.ofDeployment("shop", "worker", "abcd", "10.0.4." + (generation + 2)));
      client.pods().resource(current).delete();
      String oldIp = current.getStatus().getPodIP();
      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(resolveIp(oldIp)).isEmpty();
        assertThat(resolveIp(next.getStatus().getPodIP())).containsEntry("k8s.pod.uid", next.getMetadata().getUid());
      });
      current = next;
    }
    churning.set(false);
    telemetry.get(10, TimeUnit.SECONDS);
    assertThat(resolved.get()).isPositive();
    assertThat(index.size()).isEqualTo(1);
  }

  private Map<String, String> resolveIp(String ip) {
    return resolver.additions(Map.of(), ip, Instant.now());
  }

  private Pod create(PodBuilder pod) {
    return client.pods().resource(pod.build()).create();
  }

  private Pod current(Pod pod) {
    return Optional.ofNullable(client.pods().inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName()).get()).orElseThrow();
  }
}
