package dev.vigil.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Watches pods (one shared informer for all namespaces, or one per listed namespace) and keeps a
 * {@link PodIndex} up to date: one list (in pages), then a watch; no resync, no request per signal.
 * Starting returns at once: until the first list arrives (a slow API server, missing permissions)
 * signals simply find no pod. Failures are retried with the client's backoff for as long as this runs.
 */
public final class PodInformers implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PodInformers.class);

  /** Pods per list request: one page is parsed at a time, on the client's I/O thread. */
  static final long LIST_PAGE = 500;

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final PodIndex index;
  private final List<SharedIndexInformer<Pod>> informers = new ArrayList<>();
  private final CompletableFuture<Void> synced = new CompletableFuture<>();
  private boolean closed;

  private PodInformers(KubernetesClient client, List<String> namespaces, PodIndex index) {
    this.client = client;
    this.namespaces = List.copyOf(namespaces);
    this.index = index;
  }

  /**
   * Starts watching the pods of {@code namespaces} (all namespaces when empty) into {@code index}.
   * Returns without waiting for the API server, or for anything else.
   */
  public static PodInformers start(KubernetesClient client, List<String> namespaces, PodIndex index) {
    PodInformers informers = new PodInformers(client, namespaces, index);
    LOG.infof("Kubernetes metadata: watching pods of %s at %s; signals are stored without Kubernetes metadata "
        + "until the pod list has arrived", namespaces.isEmpty() ? "all namespaces" : "namespaces " + String.join(", ", namespaces),
        client.getConfiguration().getMasterUrl());
    Thread starter = new Thread(informers::run, "vigil-pod-informers-start");
    starter.setDaemon(true);
    starter.start();
    return informers;
  }

  private void run() {
    try {
      // Jackson builds its deserializers for the whole Pod model the first time it reads one, which
      // takes seconds in a fresh JVM; the client would do it on its I/O thread (the application's
      // event loop under Quarkus), blocking it. Do it here instead.
      client.getKubernetesSerialization().unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"items\":[]}",
          PodList.class);
      List<CompletableFuture<Void>> starts = new ArrayList<>();
      for (String namespace : namespaces.isEmpty() ? Collections.<String>singletonList(null) : namespaces) {
        CompletableFuture<Void> listed = startInformer(namespace);
        if (listed == null) {
          return; // closed meanwhile
        }
        starts.add(listed);
      }
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).whenComplete((ok, failed) -> {
        if (failed == null) {
          synced.complete(null);
        } else {
          synced.completeExceptionally(failed);
        }
      });
    } catch (RuntimeException e) {
      LOG.errorf(e, "Kubernetes metadata: cannot start watching pods; signals are stored without Kubernetes metadata");
      synced.completeExceptionally(e);
    }
  }

  /**
   * Starts an informer of the namespace's pods (all pods for null); returns when its first list arrives,
   * or null when this was closed.
   */
  private synchronized CompletableFuture<Void> startInformer(String namespace) {
    if (closed) {
      return null;
    }
    String scope = namespace == null ? "all namespaces" : "namespace " + namespace;
    SharedIndexInformer<Pod> informer =
        (namespace == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(namespace))
            .withLimit(LIST_PAGE)
            .runnableInformer(0); // no resync: the watch reports every change, a resync would only re-send them
    informer.itemStore(new SlimPodStore(index.labelKeys()));
    informer.addEventHandler(new IndexUpdates(index));
    informer.exceptionHandler(new InformerFailures(scope, namespace == null));
    informers.add(informer);
    return informer.start().toCompletableFuture().thenRun(() ->
        LOG.infof("Kubernetes metadata: pods of %s listed (%d pods known); their signals are enriched from now on",
            scope, index.size()));
  }

  /** Completes when every watched namespace's pods have been listed once. */
  public CompletableFuture<Void> synced() {
    return synced;
  }

  /** Whether every watched namespace's pods have been listed once. */
  public boolean isSynced() {
    return synced.isDone() && !synced.isCompletedExceptionally();
  }

  @Override
  public synchronized void close() {
    closed = true;
    informers.forEach(SharedIndexInformer::close);
  }

  /** Feeds the index from one informer (its events arrive one at a time). */
  private static final class IndexUpdates implements ResourceEventHandler<Pod> {

    private final PodIndex index;

    IndexUpdates(PodIndex index) {
      this.index = index;
    }

    @Override
    public void onAdd(Pod pod) {
      index.put(pod);
    }

    @Override
    public void onUpdate(Pod previous, Pod pod) {
      index.put(pod);
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      index.delete(pod);
    }
  }
}
