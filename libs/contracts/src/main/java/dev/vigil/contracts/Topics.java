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

  /**
   * OTLP spans as {@code ExportTraceServiceRequest} protobuf bytes, every record holding the spans of
   * exactly one trace (resource and scope repeated), keyed by the lower-case hex trace id so that one
   * consumer sees a whole trace. Metadata in {@link IngestHeaders}.
   */
  public static final String OTLP_SPANS = "vigil.otlp.spans";

  /**
   * OTLP log records as {@code ExportLogsServiceRequest} protobuf bytes, split at the edge into
   * records of bounded size; no key (spread evenly).
   */
  public static final String OTLP_LOGS = "vigil.otlp.logs";

  /**
   * OTLP metrics as {@code ExportMetricsServiceRequest} protobuf bytes, one record per resource (split
   * further when large), keyed by project id and the resource's identity (service namespace, name
   * and instance id) so that every point of a series reaches the same consumer, which needs that to
   * turn delta sums into cumulative counters.
   */
  public static final String OTLP_METRICS = "vigil.otlp.metrics";

  /** Dead letters of the three OTLP topics: the original record with {@link IngestHeaders#DLQ_REASON}. */
  public static final String OTLP_DLQ = "vigil.otlp.dlq";

  private Topics() {}
}
