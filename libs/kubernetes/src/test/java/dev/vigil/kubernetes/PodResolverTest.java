package dev.vigil.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which pod's attributes a signal gets, and that what the SDK sent is kept. */
class PodResolverTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant RECEIVED = T0.plusSeconds(10);

  private final PodIndex index = new PodIndex(List.of("team"), Duration.ofMinutes(5), Clock.systemUTC());
  private final PodResolver resolver = new PodResolver(index);
  private Pod cart;
  private Pod search;

  @BeforeEach
  void twoPods() {
    cart = Pods.withLabels(Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), T0), Map.of("team", "payments"));
    search = Pods.created(Pods.ofDeployment("shop", "search", "9a9a", "10.0.0.8"), T0);
    index.put(cart);
    index.put(search);
  }

  @Test
  void theSendersIpGivesItsPodsAttributes() {
    Map<String, String> enriched = resolver.enrich(Map.of("service.name", "cart"), "10.0.0.7", RECEIVED);

    assertThat(enriched).contains(
        entry("service.name", "cart"),
        entry("k8s.namespace.name", "shop"),
        entry("k8s.pod.name", cart.getMetadata().getName()),
        entry("k8s.pod.uid", cart.getMetadata().getUid()),
        entry("k8s.deployment.name", "cart"),
        entry("k8s.node.name", "node-a"),
        entry("k8s.pod.label.team", "payments"));
  }

  @Test
  void aStatedUidWinsOverTheSendersIp() {
    Map<String, String> added = resolver.additions(Map.of("k8s.pod.uid", search.getMetadata().getUid()), "10.0.0.7", RECEIVED);

    assertThat(added).containsEntry("k8s.deployment.name", "search").doesNotContainKey("k8s.pod.uid");
  }

  @Test
  void aStatedNameAndNamespaceWinOverTheSendersIp() {
    Map<String, String> added = resolver.additions(
        Map.of("k8s.pod.name", search.getMetadata().getName(), "k8s.namespace.name", "shop"), "10.0.0.7", RECEIVED);

    assertThat(added).containsEntry("k8s.pod.uid", search.getMetadata().getUid());
  }

  @Test
  void whatTheSdkSentIsNeverOverwritten() {
    Map<String, String> sent = Map.of("k8s.deployment.name", "cart-canary", "k8s.node.name", "");

    Map<String, String> enriched = resolver.enrich(sent, "10.0.0.7", RECEIVED);

    assertThat(enriched).containsEntry("k8s.deployment.name", "cart-canary").containsEntry("k8s.node.name", "")
        .containsEntry("k8s.replicaset.name", "cart-5f6d");
  }

  @Test
  void aStatedPodThatIsUnknownGetsNothingRatherThanTheIpsPod() {
    assertThat(resolver.additions(Map.of("k8s.pod.uid", "not-in-this-cluster"), "10.0.0.7", RECEIVED)).isEmpty();
    assertThat(resolver.additions(Map.of("k8s.pod.name", "gone", "k8s.namespace.name", "shop"), "10.0.0.7", RECEIVED)).isEmpty();
  }

  @Test
  void anIpWhosePodContradictsTheStatedNameOrNamespaceIsAProxysAndGivesNothing() {
    assertThat(resolver.additions(Map.of("k8s.namespace.name", "billing"), "10.0.0.7", RECEIVED)).isEmpty();
    assertThat(resolver.additions(Map.of("k8s.pod.name", "api-0"), "10.0.0.7", RECEIVED)).isEmpty();
    assertThat(resolver.additions(Map.of("k8s.namespace.name", "shop"), "10.0.0.7", RECEIVED))
        .containsEntry("k8s.deployment.name", "cart");
  }

  @Test
  void nothingIsAddedWithoutASenderAddressOrAttributesThatNameAPod() {
    Map<String, String> resource = Map.of("service.name", "cart");

    assertThat(resolver.enrich(resource, null, RECEIVED)).isSameAs(resource);
    assertThat(resolver.enrich(resource, "10.9.9.9", RECEIVED)).isSameAs(resource);
  }
}
