package dev.vigil.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The pods of the watched namespaces by UID, by namespace/name and by IP, as informers report them.
 * Thread-safe: informers write (one at a time), consumers read without locking.
 *
 * <p>Signals are resolved when they are processed, which may be minutes after they were received (a
 * backlog in Kafka), while pods come and go and IPs are reused. So lookups by name and IP take the time
 * the signal was received and answer with the pod that had that name or IP then: a pod created
 * after it cannot have sent it, and a pod deleted (or ended, for its IP) before it did not. Deleted pods
 * are kept for {@code retention} to match signals received before their deletion.
 *
 * <p>A host-network pod's IPs are its node's, shared with every other such pod on the node: they are
 * not indexed, so those pods are found by UID or name only.
 */
public final class PodIndex {

  private static final Comparator<IndexedPod> NEWEST =
      Comparator.comparing(IndexedPod::created, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final List<String> labelKeys;
  private final Duration retention;
  private final Clock clock;
  private final Map<String, IndexedPod> byUid = new ConcurrentHashMap<>();
  private final Map<String, List<String>> uidsByName = new ConcurrentHashMap<>();
  private final Map<String, List<String>> uidsByIp = new ConcurrentHashMap<>();
  /** UIDs in the order their pods were deleted (so in expiry order: retention is fixed). */
  private final ArrayDeque<String> deletions = new ArrayDeque<>();
  /** UIDs in the order their pods released their IPs without being deleted (ended pods). */
  private final ArrayDeque<String> releases = new ArrayDeque<>();

  /**
   * @param labelKeys the pod labels copied into attributes ({@code k8s.pod.label.<key>})
   * @param retention how long a deleted pod still matches signals received before its deletion
   */
  public PodIndex(List<String> labelKeys, Duration retention, Clock clock) {
    this.labelKeys = List.copyOf(labelKeys);
    this.retention = retention;
    this.clock = clock;
  }

  /** The label keys this index copies. */
  public List<String> labelKeys() {
    return labelKeys;
  }

  /** A pod was added or changed. */
  public synchronized void put(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (uid == null) {
      return;
    }
    Instant now = clock.instant();
    purge(now);
    IndexedPod previous = byUid.get(uid);
    if (previous != null && previous.deleted() != null) {
      return; // a late event about a pod already deleted: UIDs are never reused
    }
    Instant released = previous == null ? null : previous.ipsReleased();
    if (released == null && ended(pod)) {
      // A pod that had already ended when first seen (listed at start) released its IPs at some unknown
      // time, since when they may have been anyone's: it is never found by IP.
      released = previous == null ? Instant.EPOCH : now;
      releases.add(uid);
    }
    IndexedPod indexed = new IndexedPod(uid, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), ips(pod),
        created(pod), PodAttributes.of(pod, labelKeys), released, null);
    byUid.put(uid, indexed);
    link(uidsByName, nameKey(indexed.namespace(), indexed.name()), uid);
    if (previous != null) {
      previous.ips().stream().filter(ip -> !indexed.ips().contains(ip)).forEach(ip -> unlink(uidsByIp, ip, uid));
    }
    if (indexed.ipsReleased() == null || !indexed.ipsReleased().isBefore(now.minus(retention))) {
      indexed.ips().forEach(ip -> link(uidsByIp, ip, uid));
    }
  }

  /** A pod was deleted: it keeps matching signals received before now, for the retention period. */
  public synchronized void delete(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (uid == null) {
      return;
    }
    Instant now = clock.instant();
    purge(now);
    IndexedPod previous = byUid.get(uid);
    if (previous == null) {
      put(pod);
      previous = byUid.get(uid);
    }
    if (previous != null && previous.deleted() == null) {
      byUid.put(uid, previous.deletedAt(now));
      deletions.add(uid);
    }
  }

  /** The pod with this UID, deleted ones within the retention period included. */
  public Optional<IndexedPod> byUid(String uid) {
    return Optional.ofNullable(byUid.get(uid));
  }

  /** The pod named {@code namespace/name} when a signal was received at {@code at}. */
  public Optional<IndexedPod> byName(String namespace, String name, Instant at) {
    return latest(uidsByName.get(nameKey(namespace, name)), p -> p.existedAt(at));
  }

  /** The pod holding {@code address} when a signal was received at {@code at}; empty for a non-IP address. */
  public Optional<IndexedPod> byIp(String address, Instant at) {
    String ip = IpAddresses.canonical(address);
    return ip == null ? Optional.empty() : latest(uidsByIp.get(ip), p -> p.heldIpsAt(at));
  }

  /** How many pods exist (deleted ones not counted). */
  public int size() {
    return (int) byUid.values().stream().filter(p -> p.deleted() == null).count();
  }

  private Optional<IndexedPod> latest(List<String> uids, Predicate<IndexedPod> matches) {
    if (uids == null) {
      return Optional.empty();
    }
    List<IndexedPod> candidates = new ArrayList<>(uids.size());
    for (String uid : uids) {
      IndexedPod p = byUid.get(uid);
      if (p != null && matches.test(p)) {
        candidates.add(p);
      }
    }
    // Two pods match only when their times overlap (a replacement created before the old one's deletion
    // was seen): the newer one is the better guess.
    return candidates.stream().max(NEWEST);
  }

  private void purge(Instant now) {
    Instant expired = now.minus(retention);
    while (!deletions.isEmpty()) {
      IndexedPod p = byUid.get(deletions.peek());
      if (p != null && p.deleted() != null && !p.deleted().isBefore(expired)) {
        break;
      }
      deletions.poll();
      if (p != null) {
        byUid.remove(p.uid());
        unlink(uidsByName, nameKey(p.namespace(), p.name()), p.uid());
        p.ips().forEach(ip -> unlink(uidsByIp, ip, p.uid()));
      }
    }
    while (!releases.isEmpty()) {
      IndexedPod p = byUid.get(releases.peek());
      if (p != null && p.ipsReleased() != null && !p.ipsReleased().isBefore(expired)) {
        break;
      }
      releases.poll();
      if (p != null) {
        // An ended pod stays findable by UID and name (a Job's pod stays until the Job is cleaned up),
        // but its IPs belong to other pods by now.
        p.ips().forEach(ip -> unlink(uidsByIp, ip, p.uid()));
      }
    }
  }

  private static void link(Map<String, List<String>> index, String key, String uid) {
    index.compute(key, (k, uids) -> {
      if (uids == null) {
        return List.of(uid);
      }
      if (uids.contains(uid)) {
        return uids;
      }
      List<String> more = new ArrayList<>(uids);
      more.add(uid);
      return List.copyOf(more);
    });
  }

  private static void unlink(Map<String, List<String>> index, String key, String uid) {
    index.computeIfPresent(key, (k, uids) -> {
      List<String> rest = uids.stream().filter(u -> !u.equals(uid)).toList();
      return rest.isEmpty() ? null : rest;
    });
  }

  private static String nameKey(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** The pod's IPs, canonical; none for a host-network pod (they are its node's). */
  private static Set<String> ips(Pod pod) {
    if (pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork()) || pod.getStatus() == null) {
      return Set.of();
    }
    Set<String> ips = new LinkedHashSet<>();
    addIp(ips, pod.getStatus().getPodIP());
    if (pod.getStatus().getPodIPs() != null) {
      for (PodIP ip : pod.getStatus().getPodIPs()) {
        addIp(ips, ip.getIp());
      }
    }
    return ips;
  }

  private static void addIp(Set<String> ips, String address) {
    String ip = IpAddresses.canonical(address);
    if (ip != null) {
      ips.add(ip);
    }
  }

  /** Succeeded or Failed: the pod's containers are gone, and so is its claim on its IPs. */
  private static boolean ended(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static Instant created(Pod pod) {
    String created = pod.getMetadata().getCreationTimestamp();
    if (created == null || created.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(created).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
