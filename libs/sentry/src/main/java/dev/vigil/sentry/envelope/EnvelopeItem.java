package dev.vigil.sentry.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One item of an envelope: its type, its header fields and its payload, which is a view on the
 * envelope's bytes (no copy until {@link #payload()} is called).
 */
public final class EnvelopeItem {

  private final String type;
  private final ObjectNode headers;
  private final byte[] source;
  private final int offset;
  private final int length;

  EnvelopeItem(String type, ObjectNode headers, byte[] source, int offset, int length) {
    this.type = type;
    this.headers = headers;
    this.source = source;
    this.offset = offset;
    this.length = length;
  }

  /** The item type as sent, e.g. "event", "attachment", "client_report". */
  public String type() {
    return type;
  }

  /** Every field of the item header (type, length, content_type, filename, ...). */
  public ObjectNode headers() {
    return headers;
  }

  /** A text field of the item header, or null. */
  public String header(String name) {
    JsonNode node = headers.get(name);
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** Payload size in bytes. */
  public int length() {
    return length;
  }

  /** A copy of the payload bytes. */
  public byte[] payload() {
    return Arrays.copyOfRange(source, offset, offset + length);
  }

  /** The payload as a stream over the envelope's bytes, without copying. */
  public InputStream payloadStream() {
    return new ByteArrayInputStream(source, offset, length);
  }
}
