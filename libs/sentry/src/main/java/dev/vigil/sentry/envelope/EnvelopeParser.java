package dev.vigil.sentry.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Sentry envelope format the way Relay does: a JSON header line, then items, each a JSON
 * header line and a payload. An item with {@code length} has exactly that many payload bytes followed
 * by a newline or the end of the body; without it the payload runs to the next newline or the end.
 * Whitespace between items (blank lines, a trailing newline or none) is tolerated, as Relay's JSON
 * stream reader tolerates it.
 */
public final class EnvelopeParser {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EnvelopeParser() {}

  /** Parses an envelope; the array is kept by the result, not copied. */
  public static Envelope parse(byte[] data) throws InvalidEnvelopeException {
    if (data.length == 0) {
      throw new InvalidEnvelopeException("empty envelope");
    }
    int headerEnd = lineEnd(data, 0);
    EnvelopeHeader header = EnvelopeHeader.of(object(data, 0, headerEnd, "envelope header"));
    int pos = Math.min(headerEnd + 1, data.length);
    int bodyOffset = pos;
    List<EnvelopeItem> items = new ArrayList<>();
    while (true) {
      pos = skipWhitespace(data, pos);
      if (pos >= data.length) {
        break;
      }
      int itemHeaderEnd = lineEnd(data, pos);
      ObjectNode itemHeader = object(data, pos, itemHeaderEnd, "item header");
      JsonNode type = itemHeader.get("type");
      if (type == null || !type.isTextual() || type.textValue().isEmpty()) {
        throw new InvalidEnvelopeException("item header without a type at byte " + pos);
      }
      int payloadStart = Math.min(itemHeaderEnd + 1, data.length);
      int payloadEnd;
      JsonNode length = itemHeader.get("length");
      if (length != null && !length.isNull()) {
        if (!length.canConvertToLong() || !length.isIntegralNumber() || length.longValue() < 0) {
          throw new InvalidEnvelopeException("invalid item length: " + length);
        }
        long end = payloadStart + length.longValue();
        if (end > data.length) {
          throw new InvalidEnvelopeException(
              "item '" + type.textValue() + "' declares " + length.longValue() + " bytes but the envelope ends first");
        }
        payloadEnd = (int) end;
        if (payloadEnd < data.length && data[payloadEnd] != '\n') {
          throw new InvalidEnvelopeException("missing newline after the payload of item '" + type.textValue() + "'");
        }
      } else {
        payloadEnd = lineEnd(data, payloadStart);
      }
      items.add(new EnvelopeItem(type.textValue(), itemHeader, data, payloadStart, payloadEnd - payloadStart));
      pos = payloadEnd + 1;
    }
    return new Envelope(header, items, data, bodyOffset);
  }

  private static ObjectNode object(byte[] data, int from, int to, String what) throws InvalidEnvelopeException {
    JsonNode node;
    try {
      node = JSON.readTree(data, from, to - from);
    } catch (JsonProcessingException e) {
      throw new InvalidEnvelopeException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidEnvelopeException(what + " cannot be read", e);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidEnvelopeException(what + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Index of the next newline at or after {@code from}, or the length when there is none. */
  private static int lineEnd(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return data.length;
  }

  private static int skipWhitespace(byte[] data, int from) {
    int i = from;
    while (i < data.length && (data[i] == '\n' || data[i] == '\r' || data[i] == ' ' || data[i] == '\t')) {
      i++;
    }
    return i;
  }
}
