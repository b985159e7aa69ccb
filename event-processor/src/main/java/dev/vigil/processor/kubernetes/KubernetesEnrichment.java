package dev.vigil.processor.kubernetes;

import dev.vigil.contracts.IngestHeaders;
import dev.vigil.domain.Event;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.kubernetes.PodIndex;
import dev.vigil.kubernetes.PodInformers;
import dev.vigil.kubernetes.PodResolver;
import dev.vigil.processor.pipeline.IngestRecord;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Adds the metadata of the sending pod to signals: OTLP resource attributes, the resource of spans
 * made from Sentry transactions, and Sentry event tags (under the same {@code k8s.*} keys, so they
 * can be searched in an issue's tags). What a signal already carries is never overwritten.
 *
 * <p>Off outside a cluster (by default): then nothing is started, no Kubernetes client is even
 * created, and signals pass through unchanged. On, it starts the pod informers at startup without
 * waiting for them; signals are stored without metadata until the pod list has arrived.
 */
@Singleton
public final class KubernetesEnrichment {

  private static final Logger LOG = Logger.getLogger(KubernetesEnrichment.class);

  /** Relay's limit on tag keys; a longer label key is left out of event tags rather than cut. */
  private static final int MAX_TAG_KEY = 200;

  private final KubernetesEnrichmentConfig config;
  private final Instance<KubernetesClient> client;
  private final boolean migrateOnly;
  private final Counter added;
  private final Counter none;
  private volatile PodResolver resolver;
  private volatile PodInformers informers;

  KubernetesEnrichment(KubernetesEnrichmentConfig config, Instance<KubernetesClient> client, MeterRegistry registry,
      @ConfigProperty(name = "vigil.migrate-only", defaultValue = "false") boolean migrateOnly) {
    this.config = config;
    this.client = client;
    this.migrateOnly = migrateOnly;
    // Per OTLP resource and per Sentry event; "none" when the pod is unknown or the signal had all of it already.
    this.added = Counter.builder("vigil.kubernetes.enrichment").tag("metadata", "added")
        .description("Signals given Kubernetes metadata, or not (metadata=none)").register(registry);
    this.none = Counter.builder("vigil.kubernetes.enrichment").tag("metadata", "none")
        .description("Signals given Kubernetes metadata, or not (metadata=none)").register(registry);
  }

  void start(@Observes StartupEvent event) {
    if (migrateOnly) {
      return; // the migration Job stores no signals
    }
    EnrichmentSwitch decision = EnrichmentSwitch.of(config.enabled(), System.getenv(), EnrichmentSwitch.SERVICE_ACCOUNT_TOKEN);
    if (!decision.on()) {
      LOG.infof("Kubernetes metadata enrichment is off: %s", decision.reason());
      return;
    }
    List<String> labels = config.labels().orElse(List.of());
    LOG.infof("Kubernetes metadata enrichment is on (%s); copying pod labels %s", decision.reason(), labels);
    PodIndex index = new PodIndex(labels, config.deletedPodRetention(), Clock.systemUTC());
    informers = PodInformers.start(client.get(), config.namespaces().orElse(List.of()), index);
    resolver = new PodResolver(index);
  }

  void stop(@Observes ShutdownEvent event) {
    PodInformers running = informers;
    if (running != null) {
      running.close();
    }
  }

  /** Whether enrichment runs (its pod list may still be on its way). */
  public boolean isOn() {
    return resolver != null;
  }

  /** Whether enrichment runs and every watched namespace's pods have been listed. */
  public boolean isSynced() {
    PodInformers running = informers;
    return running != null && running.isSynced();
  }

  /** What an OTLP record's resources become: their attributes plus those of the pod that sent the record. */
  public UnaryOperator<Map<String, String>> resources(IngestRecord record, Instant receivedAt) {
    PodResolver pods = resolver;
    if (pods == null) {
      return UnaryOperator.identity();
    }
    String sender = record.header(IngestHeaders.CLIENT_ADDRESS);
    return resource -> counted(resource, pods.enrich(resource, sender, receivedAt));
  }

  /** The event with its sending pod's attributes among its tags (those it lacks). */
  public Event tag(Event event, String sender, Instant receivedAt) {
    PodResolver pods = resolver;
    if (pods == null) {
      return event;
    }
    Map<String, String> additions = pods.additions(event.tags(), sender, receivedAt);
    (additions.isEmpty() ? none : added).increment();
    if (additions.isEmpty()) {
      return event;
    }
    Map<String, String> tags = new LinkedHashMap<>(event.tags());
    additions.forEach((key, value) -> {
      if (key.length() <= MAX_TAG_KEY) {
        tags.put(key, value);
      }
    });
    return event.withTags(tags);
  }

  /** Spans of a Sentry transaction with their sending pod's attributes in their resource. */
  public List<Span> spans(List<Span> spans, String sender, Instant receivedAt) {
    PodResolver pods = resolver;
    if (pods == null || spans.isEmpty()) {
      return spans;
    }
    return spans.stream().map(s -> {
      Map<String, String> resource = pods.enrich(s.resourceAttributes(), sender, receivedAt);
      return resource == s.resourceAttributes() ? s : s.withResourceAttributes(resource);
    }).toList();
  }

  private Map<String, String> counted(Map<String, String> before, Map<String, String> after) {
    (after == before ? none : added).increment();
    return after;
  }
}
