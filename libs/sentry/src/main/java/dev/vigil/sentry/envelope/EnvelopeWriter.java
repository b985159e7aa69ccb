package dev.vigil.sentry.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds envelopes, so that Kafka carries one format whatever endpoint a payload arrived on. */
public final class EnvelopeWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EnvelopeWriter() {}

  /**
   * Wraps a store-endpoint JSON event in an envelope with one {@code event} item, the event bytes
   * unchanged.
   */
  public static byte[] fromEvent(String eventId, byte[] eventJson) {
    ObjectNode header = JSON.createObjectNode().put("event_id", eventId);
    ObjectNode itemHeader = JSON.createObjectNode().put("type", "event").put("length", eventJson.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(eventJson.length + 128);
    out.writeBytes(json(header));
    out.write('\n');
    out.writeBytes(json(itemHeader));
    out.write('\n');
    out.writeBytes(eventJson);
    out.write('\n');
    return out.toByteArray();
  }

  /** The envelope's bytes with {@code event_id} set in its header; the items stay byte for byte. */
  public static byte[] withEventId(Envelope envelope, String eventId) {
    ObjectNode header = envelope.header().json().deepCopy().put("event_id", eventId);
    byte[] headerLine = json(header);
    byte[] original = envelope.bytes();
    int body = envelope.bodyOffset();
    ByteArrayOutputStream out = new ByteArrayOutputStream(headerLine.length + 1 + original.length - body);
    out.writeBytes(headerLine);
    out.write('\n');
    out.write(original, body, original.length - body);
    return out.toByteArray();
  }

  private static byte[] json(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ObjectNode always serializes", e);
    }
  }
}
