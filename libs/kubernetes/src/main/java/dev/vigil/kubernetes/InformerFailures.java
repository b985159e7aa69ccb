package dev.vigil.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What an informer does when listing or watching fails: it always retries (with the client's
 * backoff), since permissions may be granted and API servers come back; and it says what went wrong
 * in one WARN line, then at most once every {@value #REPEAT_MINUTES} minutes while it keeps failing.
 * A 403 names the permission to grant.
 */
final class InformerFailures implements ExceptionHandler {

  static final long REPEAT_MINUTES = 10;

  private static final Logger LOG = Logger.getLogger(PodInformers.class);

  private final String scope;
  private final boolean clusterWide;
  private long lastWarnedNanos;
  private boolean warned;

  /**
   * @param scope "all namespaces" or "namespace x", for the log lines
   * @param clusterWide whether the informer watches every namespace (so needs a ClusterRole)
   */
  InformerFailures(String scope, boolean clusterWide) {
    this.scope = scope;
    this.clusterWide = clusterWide;
  }

  @Override
  public synchronized boolean retryAfterException(boolean started, Throwable failure) {
    long now = System.nanoTime();
    if (!warned || now - lastWarnedNanos >= TimeUnit.MINUTES.toNanos(REPEAT_MINUTES)) {
      warned = true;
      lastWarnedNanos = now;
      LOG.warn(message(failure));
    } else {
      LOG.debugf(failure, "Kubernetes metadata: listing or watching pods of %s failed again", scope);
    }
    return true;
  }

  String message(Throwable failure) {
    int code = httpCode(failure);
    if (code == 403) {
      return String.format("Kubernetes metadata: the API server forbids listing and watching pods of %s (HTTP 403: %s)."
          + " Grant the event-processor's service account get, list and watch on pods (API group \"\") %s."
          + " Signals are stored without Kubernetes metadata meanwhile; retrying.",
          scope, reason(failure), clusterWide
              ? "with a ClusterRole and ClusterRoleBinding, or list the namespaces to watch in"
                  + " vigil.kubernetes.enrichment.namespaces and grant a Role in each"
              : "with a Role and RoleBinding in " + scope);
    }
    return String.format("Kubernetes metadata: cannot list or watch pods of %s (%s); retrying. Signals are stored"
        + " without Kubernetes metadata until the pod list has arrived.", scope, reason(failure));
  }

  /** The HTTP status of the first Kubernetes client failure in the cause chain, or 0. */
  static int httpCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k.getCode();
      }
      if (t instanceof WatcherException w && w.asClientException().getCode() > 0) {
        return w.asClientException().getCode();
      }
    }
    return 0;
  }

  /** The API server's own message when it sent one, else the innermost cause's. */
  private static String reason(Throwable failure) {
    Throwable innermost = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
        return k.getStatus().getMessage();
      }
      innermost = t;
    }
    return innermost.getMessage() != null ? innermost.getMessage() : innermost.getClass().getName();
  }
}
