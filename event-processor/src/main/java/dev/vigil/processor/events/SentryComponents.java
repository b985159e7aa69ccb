package dev.vigil.processor.events;

import dev.vigil.processor.kubernetes.KubernetesEnrichment;
import dev.vigil.processor.pipeline.ProcessorMetrics;
import dev.vigil.processor.sourcemaps.SourceMapSymbolicator;
import dev.vigil.sentry.event.EventNormalizer;
import dev.vigil.sentry.grouping.Grouper;
import dev.vigil.sentry.transaction.TransactionSpans;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the framework-free Sentry protocol library (normalization, grouping, transactions) into CDI. */
final class SentryComponents {

  @Produces
  @Singleton
  EventNormalizer normalizer() {
    return new EventNormalizer();
  }

  @Produces
  @Singleton
  Grouper grouper() {
    return new Grouper();
  }

  @Produces
  @Singleton
  RecordProcessor recordProcessor(EventNormalizer normalizer, SourceMapSymbolicator symbolicator, Grouper grouper,
      ProcessorMetrics metrics, KubernetesEnrichment kubernetes) {
    return new RecordProcessor(normalizer, symbolicator, grouper, new TransactionSpans(), metrics, kubernetes);
  }
}
