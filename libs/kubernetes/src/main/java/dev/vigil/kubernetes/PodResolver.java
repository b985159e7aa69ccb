package dev.vigil.kubernetes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the pod a signal came from, and adds its attributes to the signal's (OTLP resource attributes,
 * Sentry event tags) without overwriting any the signal already has.
 *
 * <p>The pod is the one the signal names by {@code k8s.pod.uid}; else the one it names by
 * {@code k8s.pod.name} and {@code k8s.namespace.name}; else the one that held the sender's IP address
 * when the signal was received. A signal naming a pod the index does not know gets nothing: falling
 * back to the address could contradict what the SDK said. For the same reason a pod found by address
 * whose name or namespace differs from one the signal states is not used (the address was a proxy's
 * or a NAT's, not the sender's).
 */
public final class PodResolver {

  private final PodIndex index;

  public PodResolver(PodIndex index) {
    this.index = index;
  }

  /**
   * @param attributes what the signal says about itself
   * @param senderAddress the address the signal came from, or null
   * @param receivedAt when the edge received it (pods that did not exist then are not candidates)
   */
  public Optional<IndexedPod> resolve(Map<String, String> attributes, String senderAddress, Instant receivedAt) {
    String uid = attributes.get(PodAttributes.POD_UID);
    if (present(uid)) {
      return index.byUid(uid);
    }
    String name = attributes.get(PodAttributes.POD_NAME);
    String namespace = attributes.get(PodAttributes.NAMESPACE);
    if (present(name) && present(namespace)) {
      return index.byName(namespace, name, receivedAt);
    }
    if (senderAddress == null) {
      return Optional.empty();
    }
    return index.byIp(senderAddress, receivedAt)
        .filter(p -> agrees(name, p.name()) && agrees(namespace, p.namespace()));
  }

  /** {@code attributes} with the attributes of the signal's pod it lacks; the same map when there are none. */
  public Map<String, String> enrich(Map<String, String> attributes, String senderAddress, Instant receivedAt) {
    Map<String, String> added = additions(attributes, senderAddress, receivedAt);
    if (added.isEmpty()) {
      return attributes;
    }
    Map<String, String> enriched = new LinkedHashMap<>(attributes);
    enriched.putAll(added);
    return enriched;
  }

  /** The attributes of the signal's pod that {@code attributes} lacks (none when the pod is unknown). */
  public Map<String, String> additions(Map<String, String> attributes, String senderAddress, Instant receivedAt) {
    Optional<IndexedPod> pod = resolve(attributes, senderAddress, receivedAt);
    if (pod.isEmpty()) {
      return Map.of();
    }
    Map<String, String> added = new LinkedHashMap<>();
    pod.get().attributes().forEach((key, value) -> {
      if (!attributes.containsKey(key)) {
        added.put(key, value);
      }
    });
    return added;
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  private static boolean agrees(String stated, String actual) {
    return !present(stated) || stated.equals(actual);
  }
}
