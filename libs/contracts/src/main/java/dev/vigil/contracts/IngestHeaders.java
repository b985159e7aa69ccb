package dev.vigil.contracts;

/**
 * Kafka record header names that travel with every ingested payload. Values are UTF-8 strings, so
 * that the records stay readable with the standard Kafka console tools.
 */
public final class IngestHeaders {

  /** Numeric project id the payload was authenticated for. */
  public static final String PROJECT_ID = "vigil.project-id";

  /** Public part of the DSN key used to authenticate. */
  public static final String PUBLIC_KEY = "vigil.public-key";

  /** When the edge received the payload, as epoch milliseconds. */
  public static final String RECEIVED_AT = "vigil.received-at";

  /** The sender's IP address as seen by the edge (first X-Forwarded-For hop when behind a proxy). */
  public static final String CLIENT_ADDRESS = "vigil.client-address";

  /** The sending SDK as "name/version", from X-Sentry-Auth or User-Agent, when known. */
  public static final String CLIENT = "vigil.client";

  /** On dead-lettered records: why processing failed. */
  public static final String DLQ_REASON = "vigil.dlq.reason";

  /** On dead-lettered records: topic, partition and offset of the original record. */
  public static final String DLQ_ORIGIN = "vigil.dlq.origin";

  private IngestHeaders() {}
}
