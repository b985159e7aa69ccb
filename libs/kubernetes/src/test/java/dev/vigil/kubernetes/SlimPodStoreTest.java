package dev.vigil.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlimPodStoreTest {

  private final List<String> labelKeys = List.of("team");
  private final SlimPodStore store = new SlimPodStore(labelKeys);

  @Test
  void theStoredCopyGivesTheSameAttributesWithoutWhatTheIndexNeverReads() {
    Pod full = new PodBuilder(Pods.withLabels(Pods.created(Pods.ofDeployment("shop", "cart", "5f6d", "10.0.0.7"), Instant.now()),
        Map.of("team", "payments", "version", "1.2.3")))
        .editMetadata().addToManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").build())
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{...}").endMetadata()
        .editSpec().editFirstContainer().withImage("example/cart:1").withArgs("--port", "8080").endContainer().endSpec()
        .build();

    store.put("shop/" + full.getMetadata().getName(), full);
    Pod slim = store.get("shop/" + full.getMetadata().getName());

    assertThat(PodAttributes.of(slim, labelKeys)).isEqualTo(PodAttributes.of(full, labelKeys));
    assertThat(slim.getMetadata().getManagedFields()).isEmpty();
    assertThat(slim.getMetadata().getAnnotations()).isEmpty();
    assertThat(slim.getMetadata().getLabels()).containsOnlyKeys("team", "pod-template-hash");
    assertThat(slim.getSpec().getContainers()).containsExactly(new ContainerBuilder().withName("cart").build());
    assertThat(slim.getStatus().getPodIP()).isEqualTo("10.0.0.7");
    assertThat(slim.getMetadata().getResourceVersion()).isEqualTo(full.getMetadata().getResourceVersion());
  }
}
