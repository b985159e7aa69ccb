package dev.vigil.testsupport;

/**
 * Kafka topics that tests use instead of the platform's, so that a development platform started
 * with `./vigil up` on the same broker never consumes (and files under its own projects) the records
 * that tests produce. The services' %test profiles and the e2e harness point at these names.
 */
public final class TestTopics {

  /** Test counterpart of {@code Topics.INGEST_EVENTS}. */
  public static final String INGEST_EVENTS = "vigil.test.ingest.events";

  /** Test counterpart of {@code Topics.INGEST_EVENTS_DLQ}. */
  public static final String INGEST_EVENTS_DLQ = "vigil.test.ingest.events.dlq";

  /** Test counterpart of {@code Topics.OTLP_SPANS}. */
  public static final String OTLP_SPANS = "vigil.test.otlp.spans";

  /** Test counterpart of {@code Topics.OTLP_LOGS}. */
  public static final String OTLP_LOGS = "vigil.test.otlp.logs";

  /** Test counterpart of {@code Topics.OTLP_METRICS}. */
  public static final String OTLP_METRICS = "vigil.test.otlp.metrics";

  /** Test counterpart of {@code Topics.OTLP_DLQ}. */
  public static final String OTLP_DLQ = "vigil.test.otlp.dlq";

  private TestTopics() {}
}
