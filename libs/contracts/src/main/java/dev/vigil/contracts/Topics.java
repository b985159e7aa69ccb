package dev.vigil.contracts;

/**
 * Kafka topics shared by producers and consumers. Partition counts are set where topics are created
 * (deploy/local/topics.conf and the Helm chart), not here.
 */
public final class Topics {

  /** Sentry envelopes as received (decompressed), keyed by event id, metadata in {@link IngestHeaders}. */
  public static final String INGEST_EVENTS = "vigil.ingest.events";

  /** Records of {@link #INGEST_EVENTS} that could not be processed, with the reason in a header. */
  public static final String INGEST_EVENTS_DLQ = "vigil.ingest.events.dlq";

  private Topics() {}
}
