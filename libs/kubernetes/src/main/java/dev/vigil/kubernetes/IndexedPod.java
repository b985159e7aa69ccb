package dev.vigil.kubernetes;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A pod as the index keeps it: what it gives signals, and the times that decide whether a signal
 * received at some instant can have come from it.
 *
 * @param ips the pod's IP addresses (canonical text), empty for a host-network pod (its IPs are the node's)
 * @param created when the pod was created, or null when unknown (then it is not limited by time)
 * @param ipsReleased when the pod stopped holding {@code ips} (it ended or was deleted), or null while it holds them
 * @param deleted when the pod was seen deleted, or null while it exists
 */
public record IndexedPod(
    String uid,
    String namespace,
    String name,
    Set<String> ips,
    Instant created,
    Map<String, String> attributes,
    Instant ipsReleased,
    Instant deleted) {

  public IndexedPod {
    ips = Set.copyOf(ips);
    // Sorted, so that what is added to a signal comes in the same order every time.
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }

  /** Whether the pod existed when a signal was received at {@code at}. */
  boolean existedAt(Instant at) {
    return (created == null || !at.isBefore(created)) && (deleted == null || at.isBefore(deleted));
  }

  /** Whether the pod held its IPs when a signal was received at {@code at}. */
  boolean heldIpsAt(Instant at) {
    return existedAt(at) && (ipsReleased == null || at.isBefore(ipsReleased));
  }

  IndexedPod deletedAt(Instant when) {
    return new IndexedPod(uid, namespace, name, ips, created, attributes, ipsReleased == null ? when : ipsReleased,
        deleted == null ? when : deleted);
  }
}
