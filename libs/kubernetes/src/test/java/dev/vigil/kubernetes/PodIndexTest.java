package dev.vigil.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which pod a signal received at some time came from, while pods come, change and go. */
class PodIndexTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final TestClock clock = new TestClock(T0);
  private final PodIndex index = new PodIndex(List.of("app"), Duration.ofMinutes(5), clock);

  @Test
  void findsAPodByUidByNameAndByEachSpellingOfItsIp() {
    Pod pod = Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), T0);
    Pod v6 = Pods.withStatus(Pods.created(Pods.ofDeployment("shop", "search", "9a9a", "fd00::12"), T0), "Running", "10.0.0.8", "fd00::12");
    index.put(pod);
    index.put(v6);
    Instant at = T0.plusSeconds(30);

    assertThat(index.byUid(pod.getMetadata().getUid())).get().extracting(IndexedPod::name).isEqualTo(pod.getMetadata().getName());
    assertThat(index.byName("shop", pod.getMetadata().getName(), at)).get().extracting(IndexedPod::uid).isEqualTo(pod.getMetadata().getUid());
    assertThat(index.byIp("10.0.0.7", at)).get().extracting(IndexedPod::uid).isEqualTo(pod.getMetadata().getUid());
    assertThat(index.byIp("::ffff:10.0.0.7", at)).get().extracting(IndexedPod::uid).isEqualTo(pod.getMetadata().getUid());
    assertThat(index.byIp("fd00:0:0:0:0:0:0:12", at)).get().extracting(IndexedPod::uid).isEqualTo(v6.getMetadata().getUid());
    assertThat(index.byIp("[fd00::12]", at)).get().extracting(IndexedPod::uid).isEqualTo(v6.getMetadata().getUid());
    assertThat(index.byIp("10.0.0.8", at)).get().extracting(IndexedPod::uid).isEqualTo(v6.getMetadata().getUid());
    assertThat(index.byIp("10.0.0.9", at)).isEmpty();
    assertThat(index.byIp("cart.shop.svc", at)).isEmpty();
  }

  @Test
  void aPendingPodIsFoundByIpOnceItHasOne() {
    Pod pending = Pods.withStatus(Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), T0), "Pending");
    index.put(pending);
    assertThat(index.byIp("10.0.0.7", T0.plusSeconds(5))).isEmpty();

    index.put(Pods.withStatus(pending, "Running", "10.0.0.7"));

    assertThat(index.byIp("10.0.0.7", T0.plusSeconds(6))).get().extracting(IndexedPod::uid).isEqualTo(pending.getMetadata().getUid());
  }

  @Test
  void editedLabelsAreWhatTheNextSignalsGet() {
    Pod pod = Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), T0);
    index.put(pod);

    index.put(Pods.withLabels(pod, Map.of("app", "cart-v2")));

    assertThat(index.byIp("10.0.0.7", T0.plusSeconds(1)).orElseThrow().attributes()).containsEntry("k8s.pod.label.app", "cart-v2");
  }

  @Test
  void signalsReceivedAfterAPodWasDeletedAreNotItsButEarlierOnesStillAre() {
    Pod pod = Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), T0);
    index.put(pod);
    clock.advance(Duration.ofMinutes(1));

    index.delete(pod);

    Instant beforeDeletion = T0.plusSeconds(30);
    Instant afterDeletion = clock.instant().plusSeconds(1);
    assertThat(index.byIp("10.0.0.7", afterDeletion)).isEmpty();
    assertThat(index.byName("shop", pod.getMetadata().getName(), afterDeletion)).isEmpty();
    // a backlog: received while the pod lived, processed after its deletion
    assertThat(index.byIp("10.0.0.7", beforeDeletion)).isPresent();
    assertThat(index.byUid(pod.getMetadata().getUid())).isPresent();
    assertThat(index.size()).isZero();

    clock.advance(Duration.ofMinutes(6));
    index.put(Pods.created(Pods.ofDeployment("shop", "other", "1a1a", "10.0.0.99"), clock.instant())); // any event purges

    assertThat(index.byIp("10.0.0.7", beforeDeletion)).isEmpty();
    assertThat(index.byUid(pod.getMetadata().getUid())).isEmpty();
  }

  @Test
  void anIpReusedByANewPodIsTheNewPodsFromItsCreationOn() {
    Pod old = Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), T0);
    index.put(old);
    clock.advance(Duration.ofMinutes(2));
    Instant replaced = clock.instant();
    Pod reuser = Pods.created(Pods.ofDeployment("billing", "invoices", "77aa", "10.0.0.7"), replaced);
    // The new pod may be reported before the old one's deletion.
    index.put(reuser);
    index.delete(old);

    assertThat(index.byIp("10.0.0.7", replaced.plusSeconds(1)).orElseThrow().namespace()).isEqualTo("billing");
    assertThat(index.byIp("10.0.0.7", replaced.minusSeconds(60)).orElseThrow().namespace()).isEqualTo("shop");
  }

  @Test
  void aPodCreatedAfterASignalWasReceivedDidNotSendIt() {
    Pod late = Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), T0.plusSeconds(60));
    index.put(late);

    assertThat(index.byIp("10.0.0.7", T0)).isEmpty();
    assertThat(index.byName("shop", late.getMetadata().getName(), T0)).isEmpty();
  }

  @Test
  void aStatefulSetPodRecreatedOnAnotherNodeIsFoundByItsNameAsTheNewIncarnation() {
    Pod first = new PodBuilder(Pods.created(Pods.ofDeployment("data", "db", "0000", "10.0.1.5"), T0))
        .editMetadata().withName("db-0").endMetadata().build();
    index.put(first);
    clock.advance(Duration.ofMinutes(1));
    index.delete(first);
    Instant recreated = clock.instant().plusSeconds(2);
    Pod second = new PodBuilder(Pods.created(Pods.ofDeployment("data", "db", "0000", "10.0.2.9"), recreated))
        .editMetadata().withName("db-0").endMetadata()
        .editSpec().withNodeName("node-b").endSpec()
        .build();
    index.put(second);

    assertThat(index.byName("data", "db-0", recreated.plusSeconds(1)).orElseThrow().attributes())
        .containsEntry("k8s.node.name", "node-b");
    assertThat(index.byName("data", "db-0", T0.plusSeconds(10)).orElseThrow().attributes())
        .containsEntry("k8s.node.name", "node-a");
    assertThat(index.byIp("10.0.1.5", recreated.plusSeconds(1))).isEmpty();
    assertThat(index.byIp("10.0.2.9", recreated.plusSeconds(1))).isPresent();
  }

  @Test
  void aHostNetworkPodIsNotFoundByTheNodesIp() {
    Pod agent = new PodBuilder(Pods.created(Pods.ofDeployment("kube-system", "agent", "abab", "192.168.1.20"), T0))
        .editSpec().withHostNetwork(true).endSpec().build();
    index.put(agent);

    assertThat(index.byIp("192.168.1.20", T0.plusSeconds(5))).isEmpty();
    assertThat(index.byName("kube-system", agent.getMetadata().getName(), T0.plusSeconds(5))).isPresent();
  }

  @Test
  void anEndedPodsIpIsNotItsAnyMoreButItStaysFoundByName() {
    Pod job = Pods.created(Pods.ofDeployment("ops", "migrate", "c0c0", "10.0.0.40"), T0);
    index.put(job);
    clock.advance(Duration.ofMinutes(1));

    index.put(Pods.withStatus(job, "Succeeded", "10.0.0.40"));

    Instant later = clock.instant().plusSeconds(1);
    assertThat(index.byIp("10.0.0.40", later)).isEmpty();
    assertThat(index.byIp("10.0.0.40", T0.plusSeconds(30))).isPresent();
    assertThat(index.byName("ops", job.getMetadata().getName(), later)).isPresent();
  }

  @Test
  void aPodThatHadAlreadyEndedWhenFirstSeenIsNeverFoundByIp() {
    Pod job = Pods.withStatus(Pods.created(Pods.ofDeployment("ops", "migrate", "c0c0", "10.0.0.41"), T0), "Failed", "10.0.0.41");
    clock.advance(Duration.ofHours(1));

    index.put(job);
    index.put(Pods.withLabels(job, Map.of("app", "migrate-2")));

    assertThat(index.byIp("10.0.0.41", T0.plusSeconds(30))).isEmpty();
    assertThat(index.byUid(job.getMetadata().getUid())).isPresent();
  }
}
